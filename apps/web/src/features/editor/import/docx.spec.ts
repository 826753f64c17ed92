import { describe, expect, it } from '@jest/globals';
import { readDocx } from './docx';
import { parseXml, zipOf } from './import.test-support';
import { importDocument } from './read-document';
import { openZip } from './zip-reader';

const NS = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"',
  'xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
].join(' ');

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const EMF = new Uint8Array([1, 0, 0, 0, 0x6c, 0, 0, 0, 0x20, 0x45, 0x4d, 0x46]);

interface DocxParts {
  body: string;
  styles?: string;
  numbering?: string;
  footnotes?: string;
  endnotes?: string;
  rels?: string;
  media?: Record<string, Uint8Array>;
}

/** A .docx of these parts of word/, as Word lays them out. */
async function docx(parts: DocxParts): Promise<Uint8Array> {
  const files: Record<string, string | Uint8Array> = {
    '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'word/document.xml': `<w:document ${NS}><w:body>${parts.body}<w:sectPr/></w:body></w:document>`,
    'word/_rels/document.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${parts.rels ?? ''}</Relationships>`,
  };
  const optional = {
    styles: 'w:styles',
    numbering: 'w:numbering',
    footnotes: 'w:footnotes',
    endnotes: 'w:endnotes',
  } as const;
  for (const [part, tag] of Object.entries(optional)) {
    const content = parts[part as keyof typeof optional];
    if (content !== undefined) {
      files[`word/${part}.xml`] = `<${tag} ${NS}>${content}</${tag}>`;
    }
  }
  Object.entries(parts.media ?? {}).forEach(([name, bytes]) => (files[`word/media/${name}`] = bytes));
  return zipOf(files);
}

const read = async (parts: DocxParts) => readDocx(openZip(await docx(parts)), parseXml);
const p = (runs: string, pPr = '') => `<w:p>${pPr === '' ? '' : `<w:pPr>${pPr}</w:pPr>`}${runs}</w:p>`;
const r = (text: string, rPr = '') =>
  `<w:r>${rPr === '' ? '' : `<w:rPr>${rPr}</w:rPr>`}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const text = (value: string, marks = {}) => ({ kind: 'text', text: value, marks });
const paragraph = (...inlines: unknown[]) => ({ kind: 'paragraph', inlines });
const style = (id: string, name: string, inner = '', type = 'paragraph') =>
  `<w:style w:type="${type}" w:styleId="${id}"><w:name w:val="${name}"/>${inner}</w:style>`;
const link = (id: string, target: string) =>
  `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${target}" TargetMode="External"/>`;
const imageRel = (id: string, target: string) =>
  `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${target}"/>`;
const picture = (relId: string, docPr: string) =>
  `<w:r><w:drawing><wp:inline>${docPr}<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:embed="${relId}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;

describe('readDocx', () => {
  it('reads headings by their style, also German Word’s style ids and outline levels, and drops empty paragraphs', async () => {
    const { blocks } = await read({
      styles:
        style('berschrift1', 'heading 1') +
        style('berschrift2', 'heading 2', '<w:basedOn w:val="berschrift1"/>') +
        style('Gliederung', 'Eigene', '<w:pPr><w:outlineLvl w:val="2"/></w:pPr>'),
      body:
        p(r('Kapitel'), '<w:pStyle w:val="berschrift1"/>') +
        p('') +
        p(r('Teil'), '<w:pStyle w:val="berschrift2"/>') +
        p(r('Tiefer'), '<w:pStyle w:val="Gliederung"/>') +
        p(r('Text')),
    });
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, inlines: [text('Kapitel')] },
      { kind: 'heading', level: 2, inlines: [text('Teil')] },
      { kind: 'heading', level: 3, inlines: [text('Tiefer')] },
      paragraph(text('Text')),
    ]);
  });

  it('reads bold, italic, underline, strike and scripts from runs and their character styles, and a switched-off toggle', async () => {
    const { blocks } = await read({
      styles:
        style('Fett', 'Strong', '<w:rPr><w:b/></w:rPr>', 'character') +
        style('FettKursiv', 'Eigen', '<w:basedOn w:val="Fett"/><w:rPr><w:i/></w:rPr>', 'character'),
      body: p(
        r('a', '<w:b/>') +
          r('b', '<w:i/><w:u w:val="single"/>') +
          r('c', '<w:strike/>') +
          r('d', '<w:vertAlign w:val="superscript"/>') +
          r('e', '<w:rStyle w:val="FettKursiv"/>') +
          r('f', '<w:rStyle w:val="Fett"/><w:b w:val="0"/>') +
          r('g', '<w:u w:val="none"/>'),
      ),
    });
    expect(blocks).toEqual([
      paragraph(
        text('a', { bold: true }),
        text('b', { italic: true, underline: true }),
        text('c', { strike: true }),
        text('d', { superscript: true, subscript: false }),
        text('e', { bold: true, italic: true }),
        text('f', { bold: false }),
        text('g', { underline: false }),
      ),
    ]);
  });

  it('links the text of hyperlinks and HYPERLINK fields to web and mail addresses only, and never reads a field’s instruction as text', async () => {
    const field = (instruction: string, result: string) =>
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>${instruction}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const { blocks } = await read({
      rels: link('rId1', 'https://www.kgst.de/') + link('rId2', 'javascript:alert(1)'),
      body: p(
        `<w:hyperlink r:id="rId1">${r('KGSt')}</w:hyperlink>${r(' und ')}<w:hyperlink r:id="rId2">${r('böse')}</w:hyperlink>` +
          field(' HYPERLINK "mailto:info@example.org" ', ' Mail') +
          field(' PAGE ', ' 7'),
      ),
    });
    expect(blocks).toEqual([
      paragraph(
        { ...text('KGSt'), href: 'https://www.kgst.de/' },
        text(' und '),
        text('böse'),
        { ...text(' Mail'), href: 'mailto:info@example.org' },
        text(' 7'),
      ),
    ]);
  });

  it('takes inserted text of tracked changes and leaves deleted text out', async () => {
    const { blocks } = await read({
      body: p(
        `${r('Die ')}<w:del><w:r><w:delText>alte</w:delText></w:r></w:del><w:ins>${r('neue')}</w:ins><w:moveFrom>${r('weg')}</w:moveFrom>${r(' Fassung')}`,
      ),
    });
    expect(blocks).toEqual([paragraph(text('Die '), text('neue'), text(' Fassung'))]);
  });

  it('nests list paragraphs by their level and tells numbered from bulleted lists by the numbering', async () => {
    const level = (ilvl: number, format: string) =>
      `<w:lvl w:ilvl="${String(ilvl)}"><w:numFmt w:val="${format}"/></w:lvl>`;
    const item = (value: string, numId: string, ilvl = 0) =>
      p(r(value), `<w:numPr><w:ilvl w:val="${String(ilvl)}"/><w:numId w:val="${numId}"/></w:numPr>`);
    const { blocks } = await read({
      styles: style('Aufz', 'List Bullet', '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>'),
      numbering:
        `<w:abstractNum w:abstractNumId="0">${level(0, 'bullet')}${level(1, 'decimal')}</w:abstractNum>` +
        `<w:abstractNum w:abstractNumId="1">${level(0, 'decimal')}</w:abstractNum>` +
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>',
      body:
        p(r('eins'), '<w:pStyle w:val="Aufz"/>') +
        item('eins.a', '1', 1) +
        item('eins.b', '1', 1) +
        item('zwei', '1') +
        p(r('Text')) +
        item('erstens', '2') +
        p(r('kein Punkt'), '<w:pStyle w:val="Aufz"/><w:numPr><w:numId w:val="0"/></w:numPr>'),
    });
    expect(blocks).toEqual([
      {
        kind: 'list',
        ordered: false,
        items: [
          [
            paragraph(text('eins')),
            {
              kind: 'list',
              ordered: true,
              items: [[paragraph(text('eins.a'))], [paragraph(text('eins.b'))]],
            },
          ],
          [paragraph(text('zwei'))],
        ],
      },
      paragraph(text('Text')),
      { kind: 'list', ordered: true, items: [[paragraph(text('erstens'))]] },
      paragraph(text('kein Punkt')),
    ]);
  });

  it('numbers a list that goes on after a paragraph from where it stopped, from its level’s start', async () => {
    const item = (value: string, numId: string, ilvl = 0) =>
      p(r(value), `<w:numPr><w:ilvl w:val="${String(ilvl)}"/><w:numId w:val="${numId}"/></w:numPr>`);
    const { blocks } = await read({
      numbering:
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/></w:lvl></w:abstractNum>' +
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>' +
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>',
      body:
        item('Eins', '1') +
        item('Eins a', '1', 1) +
        item('Zwei', '1') +
        p(r('Dazwischen')) +
        item('Drei', '1') +
        item('Drei a', '1', 1) +
        p(r('Noch einmal')) +
        item('Fünf', '2'),
    });
    const items = (values: string[]) => values.map((v) => [paragraph(text(v))]);
    expect(blocks).toEqual([
      {
        kind: 'list',
        ordered: true,
        items: [
          [paragraph(text('Eins')), { kind: 'list', ordered: true, items: items(['Eins a']) }],
          [paragraph(text('Zwei'))],
        ],
      },
      paragraph(text('Dazwischen')),
      // The sub-list under "Drei" starts again at a: a level below restarts under each item.
      {
        kind: 'list',
        ordered: true,
        start: 3,
        items: [[paragraph(text('Drei')), { kind: 'list', ordered: true, items: items(['Drei a']) }]],
      },
      paragraph(text('Noch einmal')),
      { kind: 'list', ordered: true, start: 5, items: items(['Fünf']) },
    ]);
  });

  it('drops the underline of Word’s link style from link texts, also of links it does not keep', async () => {
    const { blocks } = await read({
      styles: `<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:u w:val="single"/></w:rPr></w:style>`,
      rels: link('rId1', 'https://www.kgst.de/') + link('rId2', 'javascript:alert(1)'),
      body: p(
        `<w:hyperlink r:id="rId1">${r('KGSt', '<w:rStyle w:val="Hyperlink"/>')}</w:hyperlink>` +
          `<w:hyperlink r:id="rId2">${r('böse', '<w:rStyle w:val="Hyperlink"/><w:b/>')}</w:hyperlink>` +
          `<w:hyperlink w:anchor="Ziele">${r('intern', '<w:rStyle w:val="Hyperlink"/>')}</w:hyperlink>` +
          r(' betont', '<w:u w:val="single"/>'),
      ),
    });
    expect(blocks).toEqual([
      paragraph(
        { ...text('KGSt'), href: 'https://www.kgst.de/' },
        text('böse', { bold: true }),
        text('intern'),
        text(' betont', { underline: true }),
      ),
    ]);
  });

  it('puts footnotes and endnotes where they are referenced, as one line of text', async () => {
    const note = (tag: string, id: string, body: string) => `<w:${tag} w:id="${id}">${body}</w:${tag}>`;
    const { blocks } = await read({
      footnotes:
        note('footnote', '-1', p(r('———'))) +
        `<w:footnote w:type="separator" w:id="0">${p(r('—'))}</w:footnote>` +
        note(
          'footnote',
          '1',
          p('<w:r><w:footnoteRef/></w:r>' + r(' Siehe KGSt ') + r('2023', '<w:b/>')) + p(r('S. 12.')),
        ),
      endnotes: note('endnote', '2', p(r('Am Ende.'))),
      body: p(
        r('Satz') +
          '<w:r><w:footnoteReference w:id="1"/></w:r>' +
          r(' mehr') +
          '<w:r><w:endnoteReference w:id="2"/></w:r>',
      ),
    });
    expect(blocks).toEqual([
      paragraph(text('Satz'), { kind: 'footnote', text: 'Siehe KGSt 2023 S. 12.' }, text(' mehr'), {
        kind: 'footnote',
        text: 'Am Ende.',
      }),
    ]);
  });

  it('reads tables with column and row spans and header rows, and a table inside a cell as its paragraphs', async () => {
    const tc = (content: string, tcPr = '') =>
      `<w:tc>${tcPr === '' ? '' : `<w:tcPr>${tcPr}</w:tcPr>`}${content}</w:tc>`;
    const inner = `<w:tbl><w:tr>${tc(p(r('innen 1')))}${tc(p(r('innen 2')))}</w:tr></w:tbl>`;
    const { blocks } = await read({
      body:
        '<w:tbl>' +
        `<w:tr><w:trPr><w:tblHeader/></w:trPr>${tc(p(r('Kopf')), '<w:gridSpan w:val="2"/>')}</w:tr>` +
        `<w:tr>${tc(p(r('hoch')), '<w:vMerge w:val="restart"/>')}${tc(p(r('b')))}</w:tr>` +
        `<w:tr>${tc(p(''), '<w:vMerge/>')}${tc(inner + p(''))}</w:tr>` +
        '</w:tbl>',
    });
    const cell = (blocks: unknown[], colspan = 1, rowspan = 1, header = false) => ({
      blocks,
      colspan,
      rowspan,
      header,
    });
    expect(blocks).toEqual([
      {
        kind: 'table',
        rows: [
          [cell([paragraph(text('Kopf'))], 2, 1, true)],
          [cell([paragraph(text('hoch'))], 1, 2), cell([paragraph(text('b'))])],
          [cell([paragraph(text('innen 1')), paragraph(text('innen 2'))])],
        ],
      },
    ]);
  });

  it('reads pictures with their description, a decorative one as decided, and leaves out charts and unknown formats', async () => {
    const chart =
      '<w:r><w:drawing><wp:inline><wp:docPr id="9" name="Diagramm"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"/></a:graphic></wp:inline></w:drawing></w:r>';
    const decorative =
      '<wp:docPr id="2" name="Linie"><a:extLst><a:ext uri="{C183D7F6}"><adec:decorative val="1"/></a:ext></a:extLst></wp:docPr>';
    const { blocks, leftOut } = await read({
      rels:
        imageRel('rId5', 'media/image1.png') +
        imageRel('rId6', '/word/media/image2.emf') +
        imageRel('rId7', 'media/image1.png'),
      media: { 'image1.png': PNG, 'image2.emf': EMF },
      body:
        p(r('Vor dem Bild') + picture('rId5', '<wp:docPr id="1" name="Bild 1" descr="Karte der Kreise"/>')) +
        p(picture('rId7', decorative)) +
        p(picture('rId6', '<wp:docPr id="3" name="Bild 3"/>') + chart),
    });
    expect(blocks).toEqual([
      paragraph(text('Vor dem Bild'), {
        kind: 'image',
        image: { bytes: PNG, contentType: 'image/png', alt: 'Karte der Kreise' },
      }),
      paragraph({ kind: 'image', image: { bytes: PNG, contentType: 'image/png', alt: '' } }),
      paragraph({ kind: 'image', image: { bytes: null, contentType: null, alt: null } }),
    ]);
    expect(leftOut).toBe(1);
  });

  it('leaves out a picture that unpacks beyond its limit and reads the rest of the document', async () => {
    const huge = new Uint8Array(21 * 1024 * 1024);
    huge.set(PNG);
    const { blocks } = await read({
      rels: imageRel('rId5', 'media/huge.png'),
      media: { 'huge.png': huge },
      body: p(r('Text') + picture('rId5', '<wp:docPr id="1" name="Luftbild" descr="Luftbild"/>')),
    });
    expect(blocks).toEqual([
      paragraph(text('Text'), { kind: 'image', image: { bytes: null, contentType: null, alt: 'Luftbild' } }),
    ]);
  });

  it('reads the text of a text box after its paragraph and Word’s older VML pictures', async () => {
    const textBox = `<w:r><w:drawing><wp:anchor><wp:docPr id="4" name="Textfeld"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:txbxContent>${p(r('Im Kasten'))}</w:txbxContent></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>`;
    const vml = '<w:r><w:pict><v:shape alt="Altes Bild"><v:imagedata r:id="rId5"/></v:shape></w:pict></w:r>';
    const { blocks } = await read({
      rels: imageRel('rId5', 'media/image1.png'),
      media: { 'image1.png': PNG },
      body: p(r('Davor') + textBox) + p(vml),
    });
    expect(blocks).toEqual([
      paragraph(text('Davor')),
      paragraph(text('Im Kasten')),
      paragraph({ kind: 'image', image: { bytes: PNG, contentType: 'image/png', alt: 'Altes Bild' } }),
    ]);
  });

  it('leaves out Word’s table of contents and gathers quoted paragraphs into one quote', async () => {
    const contents = `<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>${p(r('Inhalt 1'))}</w:sdtContent></w:sdt>`;
    const { blocks } = await read({
      styles: style('Verzeichnis1', 'toc 1') + style('Zitat', 'Quote'),
      body:
        contents +
        p(r('1 Einleitung ... 3'), '<w:pStyle w:val="Verzeichnis1"/>') +
        p(r('Erstes'), '<w:pStyle w:val="Zitat"/>') +
        p(r('Zweites'), '<w:pStyle w:val="Zitat"/>') +
        p(r('Danach')),
    });
    expect(blocks).toEqual([
      { kind: 'quote', blocks: [paragraph(text('Erstes')), paragraph(text('Zweites'))] },
      paragraph(text('Danach')),
    ]);
  });
});

describe('importDocument of a Word document', () => {
  it('writes the HTML the editor pastes: levelled headings, captions on their image and table, footnotes and escaped text', async () => {
    const bytes = await docx({
      styles:
        style('berschrift1', 'heading 1') +
        style('berschrift2', 'heading 2') +
        style('Beschriftung', 'caption'),
      rels: imageRel('rId5', 'media/image1.png'),
      media: { 'image1.png': PNG },
      footnotes: '<w:footnote w:id="1"><w:p><w:r><w:t>Quelle &lt;1&gt;</w:t></w:r></w:p></w:footnote>',
      body:
        p(r('Digitale Souveränität'), '<w:pStyle w:val="berschrift1"/>') +
        p(r('Open Source'), '<w:pStyle w:val="berschrift2"/>') +
        p(r('a &lt;b&gt; &amp; "c"') + '<w:r><w:footnoteReference w:id="1"/></w:r>') +
        p(picture('rId5', '<wp:docPr id="1" name="Bild" descr="Karte"/>')) +
        p(r('Abbildung 1: Kreise in Hessen'), '<w:pStyle w:val="Beschriftung"/>') +
        p(r('Tabelle 2 – Kosten'), '<w:pStyle w:val="Beschriftung"/>') +
        `<w:tbl><w:tr><w:tc>${p(r('1 €'))}</w:tc></w:tr></w:tbl>`,
    });
    const { html, leftOut } = await importDocument(bytes, parseXml);
    expect(html).toBe(
      '<h2>Digitale Souveränität</h2><h3>Open Source</h3>' +
        '<p>a &lt;b&gt; &amp; &quot;c&quot;<span data-footnote="Quelle &lt;1&gt;"></span></p>' +
        '<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==" alt="Karte" data-caption="Kreise in Hessen">' +
        '<table><caption>Kosten</caption><tbody><tr><td><p>1 €</p></td></tr></tbody></table>',
    );
    expect(leftOut).toBe(0);
  });
});
