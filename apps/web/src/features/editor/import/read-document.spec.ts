import { describe, expect, it } from '@jest/globals';
import { parseXml, zipOf } from './import.test-support';
import { ImportError } from './model';
import { IMPORT_MAX_CHARACTERS, importDocument } from './read-document';
import { openZip } from './zip-reader';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const wordDocument = (body: string) => ({
  'word/document.xml': `<w:document ${W}><w:body>${body}</w:body></w:document>`,
});

/** The failure importDocument throws for these bytes, or null when it reads them. */
async function failureOf(bytes: Uint8Array): Promise<string | null> {
  try {
    await importDocument(bytes, parseXml);
    return null;
  } catch (error) {
    if (error instanceof ImportError) {
      return error.failure;
    }
    throw error;
  }
}

describe('importDocument', () => {
  it('tells a Word document and an OpenDocument text by their parts, whatever the file is called', async () => {
    const word = await zipOf(wordDocument('<w:p><w:r><w:t>Aus Word</w:t></w:r></w:p>'));
    expect((await importDocument(word, parseXml)).html).toBe('<p>Aus Word</p>');
    const odt = await zipOf({
      mimetype: 'application/vnd.oasis.opendocument.text',
      'content.xml':
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">' +
        '<office:body><office:text><text:p>Aus Writer</text:p></office:text></office:body></office:document-content>',
    });
    expect((await importDocument(odt, parseXml)).html).toBe('<p>Aus Writer</p>');
  });

  it('refuses what is no text document: other bytes, a spreadsheet, an old .doc or encrypted file, an empty file or document', async () => {
    expect(await failureOf(new TextEncoder().encode('Nur ein Text.'))).toBe('notDocument');
    expect(
      await failureOf(
        await zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }),
      ),
    ).toBe('notDocument');
    expect(await failureOf(await zipOf({ 'readme.txt': 'Hallo' }))).toBe('notDocument');
    expect(
      await failureOf(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])),
    ).toBe('oldFormat');
    expect(await failureOf(new Uint8Array())).toBe('empty');
    expect(await failureOf(await zipOf(wordDocument('<w:p/><w:p><w:r><w:t>  </w:t></w:r></w:p>')))).toBe(
      'empty',
    );
  });

  it('calls a document damaged whose XML is broken or whose body is missing', async () => {
    expect(await failureOf(await zipOf({ 'word/document.xml': `<w:document ${W}><w:body><w:p>` }))).toBe(
      'damaged',
    );
    expect(await failureOf(await zipOf({ 'word/document.xml': `<w:document ${W}/>` }))).toBe('damaged');
  });

  it('levels the headings the document uses, in order, from the section’s highest on, skipping none', async () => {
    const heading = (level: number, value: string) =>
      `<w:p><w:pPr><w:outlineLvl w:val="${String(level - 1)}"/></w:pPr><w:r><w:t>${value}</w:t></w:r></w:p>`;
    const bytes = await zipOf(
      wordDocument(heading(3, 'Drei') + heading(5, 'Fünf') + heading(6, 'Sechs') + heading(9, 'Neun')),
    );
    expect((await importDocument(bytes, parseXml)).html).toBe(
      '<h2>Drei</h2><h3>Fünf</h3><h4>Sechs</h4><h4>Neun</h4>',
    );
  });

  it('writes the first number of a list that continues an earlier one', async () => {
    const item = (value: string) =>
      `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>${value}</w:t></w:r></w:p>`;
    const bytes = await zipOf({
      ...wordDocument(item('a') + '<w:p><w:r><w:t>b</w:t></w:r></w:p>' + item('c')),
      'word/numbering.xml': `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
    });
    expect((await importDocument(bytes, parseXml)).html).toBe(
      '<ol><li><p>a</p></li></ol><p>b</p><ol start="2"><li><p>c</p></li></ol>',
    );
  });

  it('refuses more text than one section should hold', async () => {
    const paragraph = `<w:p><w:r><w:t>${'x'.repeat(10_000)}</w:t></w:r></w:p>`;
    const many = paragraph.repeat(Math.ceil(IMPORT_MAX_CHARACTERS / 10_000) + 1);
    expect(await failureOf(await zipOf(wordDocument(many)))).toBe('tooLarge');
  });
});

describe('openZip', () => {
  it('reads stored and deflated parts', async () => {
    for (const method of ['store', 'deflate'] as const) {
      const zip = openZip(await zipOf({ 'a.txt': 'Inhalt ä', 'b/c.xml': '<c/>' }, method));
      expect([zip.has('a.txt'), zip.has('b/c.xml'), zip.has('d')]).toEqual([true, true, false]);
      expect(await zip.text('a.txt', 100)).toBe('Inhalt ä');
    }
  });

  it('stops unpacking a part at its limit, also when the archive understates its size', async () => {
    const bytes = await zipOf({ 'big.xml': 'a'.repeat(200_000) });
    await expect(openZip(bytes).read('big.xml', 1000)).rejects.toMatchObject({ failure: 'tooLarge' });
    // The directory claims 10 bytes; the inflated stream is cut at the limit all the same.
    const lying = bytes.slice();
    const view = new DataView(lying.buffer);
    const directory = view.getUint32(lying.length - 6, true);
    view.setUint32(directory + 24, 10, true);
    await expect(openZip(lying).read('big.xml', 1000)).rejects.toMatchObject({ failure: 'tooLarge' });
  });

  it('calls an archive damaged whose parts are cut off or not deflate data', async () => {
    const bytes = await zipOf({ 'a.txt': 'Inhalt'.repeat(100) });
    // The start of an archive without its end, as an interrupted download leaves it.
    const cut = bytes.slice(0, 40);
    let failure: unknown = null;
    try {
      openZip(cut);
    } catch (error) {
      failure = error instanceof ImportError ? error.failure : error;
    }
    expect(failure).toBe('damaged');
    const garbled = bytes.slice();
    garbled.fill(0xff, 30 + 'a.txt'.length, 30 + 'a.txt'.length + 8);
    await expect(openZip(garbled).read('a.txt', 10_000)).rejects.toMatchObject({ failure: 'damaged' });
  });
});
