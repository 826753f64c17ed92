import { describe, expect, it } from '@jest/globals';
import { parseXml, zipOf } from './import.test-support';
import { ImportError, type Block, type DocumentImage, type Inline, type ReadDocument } from './model';
import { readOdt } from './odt';
import { importDocument } from './read-document';
import { openZip, type ZipArchive } from './zip-reader';

const NAMESPACES = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"',
].join(' ');

interface Parts {
  /** office:automatic-styles of content.xml */
  automatic?: string;
  /** office:styles of styles.xml; no styles.xml without it */
  styles?: string;
  /** further parts of the archive (Pictures/…) */
  files?: Record<string, Uint8Array>;
}

function contentXml(body: string, automatic = ''): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NAMESPACES} office:version="1.3">` +
    `<office:automatic-styles>${automatic}</office:automatic-styles>` +
    `<office:body><office:text>${body}</office:text></office:body></office:document-content>`
  );
}

async function odtFile(body: string, parts: Parts = {}): Promise<Uint8Array> {
  return zipOf({
    mimetype: 'application/vnd.oasis.opendocument.text',
    'content.xml': contentXml(body, parts.automatic),
    ...(parts.styles === undefined
      ? {}
      : {
          'styles.xml': `<office:document-styles ${NAMESPACES}><office:styles>${parts.styles}</office:styles></office:document-styles>`,
        }),
    ...parts.files,
  });
}

async function read(body: string, parts: Parts = {}): Promise<ReadDocument> {
  return readOdt(openZip(await odtFile(body, parts)), parseXml);
}

const blocksOf = async (body: string, parts: Parts = {}): Promise<Block[]> =>
  (await read(body, parts)).blocks;

const text = (value: string, marks: Record<string, boolean> = {}, href?: string): Inline =>
  href === undefined ? { kind: 'text', text: value, marks } : { kind: 'text', text: value, marks, href };
const paragraph = (...inlines: Inline[]): Block => ({ kind: 'paragraph', inlines });
const caption = (...inlines: Inline[]): Block => ({ kind: 'paragraph', caption: true, inlines });

/** A style of this family, name and text properties. */
const style = (family: string, name: string, properties = '', attributes = ''): string =>
  `<style:style style:name="${name}" style:family="${family}" ${attributes}>` +
  (properties === '' ? '' : `<style:text-properties ${properties}/>`) +
  `</style:style>`;

const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const EMF = new Uint8Array([0x01, 0x00, 0x00, 0x00, 0x6c, 0x00, 0x00, 0x00, 0x20, 0x45, 0x4d, 0x46]);
const png = (alt: string | null = null): DocumentImage => ({ bytes: PNG, contentType: 'image/png', alt });
/** An image in a format the text cannot show (or none at all): no bytes, counted as left out. */
const unshowable = (alt: string | null = null): DocumentImage => ({ bytes: null, contentType: null, alt });
const image = (picture: DocumentImage): Inline => ({ kind: 'image', image: picture });

const frame = (href: string, inner = '') =>
  `<draw:frame draw:name="Bild1" text:anchor-type="as-char">${inner}<draw:image xlink:href="${href}" xlink:type="simple"/></draw:frame>`;

describe('readOdt', () => {
  describe('paragraphs and headings', () => {
    it('reads headings with their outline level (1 when none is given) and paragraphs', async () => {
      const blocks = await blocksOf(
        '<text:h text:outline-level="2">Methode</text:h><text:h>Ohne Ebene</text:h><text:p>Ein Absatz.</text:p>',
      );
      expect(blocks).toEqual([
        { kind: 'heading', level: 2, inlines: [text('Methode')] },
        { kind: 'heading', level: 1, inlines: [text('Ohne Ebene')] },
        paragraph(text('Ein Absatz.')),
      ]);
    });

    it('drops empty paragraphs, which office users take for spacing', async () => {
      const blocks = await blocksOf(
        '<text:p>Eins</text:p><text:p/><text:p> <text:s text:c="3"/><text:line-break/></text:p><text:p>Zwei</text:p>',
      );
      expect(blocks).toEqual([paragraph(text('Eins')), paragraph(text('Zwei'))]);
    });

    it('makes a paragraph of the style "Title" (or inheriting it) a heading of level 1, marked as the title', async () => {
      const blocks = await blocksOf(
        '<text:p text:style-name="P1">Bericht</text:p><text:p text:style-name="Titel">Zwei</text:p>',
        {
          automatic: style('paragraph', 'P1', '', 'style:parent-style-name="Title"'),
          styles: style('paragraph', 'Title') + style('paragraph', 'Titel'),
        },
      );
      expect(blocks).toEqual([
        { kind: 'heading', level: 1, inlines: [text('Bericht')], title: true },
        { kind: 'heading', level: 1, inlines: [text('Zwei')], title: true },
      ]);
    });

    it('matches elements by namespace, whatever prefix the producer chose', async () => {
      const content =
        '<?xml version="1.0"?><o:document-content xmlns:o="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
        'xmlns:t="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:text="urn:example:not-odf">' +
        '<o:body><o:text><t:h t:outline-level="3">Titel</t:h><text:p>fremd</text:p><t:p>Text</t:p></o:text></o:body></o:document-content>';
      const zip = openZip(
        await zipOf({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': content }),
      );
      expect((await readOdt(zip, parseXml)).blocks).toEqual([
        { kind: 'heading', level: 3, inlines: [text('Titel')] },
        paragraph(text('Text')),
      ]);
    });

    it('reads content.xml and styles.xml with a limit of 32 MiB, images with one of 20 MiB', async () => {
      const zip = openZip(
        await odtFile(`<text:p>${frame('Pictures/a.png')}</text:p>`, {
          styles: '',
          files: { 'Pictures/a.png': PNG },
        }),
      );
      const limits: string[] = [];
      const recording: ZipArchive = {
        has: (name) => zip.has(name),
        text: (name, limit) => {
          limits.push(`${name} ${String(limit)}`);
          return zip.text(name, limit);
        },
        read: (name, limit) => {
          limits.push(`${name} ${String(limit)}`);
          return zip.read(name, limit);
        },
      };
      await readOdt(recording, parseXml);
      expect(limits).toEqual([
        `content.xml ${String(32 * 1024 * 1024)}`,
        `styles.xml ${String(32 * 1024 * 1024)}`,
        `Pictures/a.png ${String(20 * 1024 * 1024)}`,
      ]);
    });

    it('fails as damaged on a content.xml that is not well-formed', async () => {
      const zip = openZip(
        await zipOf({
          mimetype: 'application/vnd.oasis.opendocument.text',
          'content.xml': '<office:document-content',
        }),
      );
      const failure = await readOdt(zip, parseXml).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ImportError);
      expect(failure).toMatchObject({ failure: 'damaged' });
    });
  });

  describe('text and marks', () => {
    it('reads bold and italic from automatic styles, through parent styles', async () => {
      const blocks = await blocksOf(
        '<text:p>a <text:span text:style-name="T1">fett</text:span> <text:span text:style-name="T2">beides</text:span> ' +
          '<text:span text:style-name="Emphasis">kursiv</text:span></text:p>',
        {
          automatic:
            style('text', 'T1', 'fo:font-weight="bold"') +
            style('text', 'T2', 'fo:font-style="italic"', 'style:parent-style-name="Strong_20_Emphasis"'),
          styles:
            style('text', 'Strong_20_Emphasis', 'fo:font-weight="700"') +
            style('text', 'Emphasis', 'fo:font-style="oblique"'),
        },
      );
      expect(blocks).toEqual([
        paragraph(
          text('a '),
          text('fett', { bold: true }),
          text(' '),
          text('beides', { bold: true, italic: true }),
          text(' '),
          text('kursiv', { italic: true }),
        ),
      ]);
    });

    it('lets a style turn off what its parent turns on, and counts font weights of 600 and more as bold', async () => {
      const blocks = await blocksOf(
        '<text:p><text:span text:style-name="T1">normal</text:span><text:span text:style-name="T2">halbfett</text:span>' +
          '<text:span text:style-name="T3">mittel</text:span></text:p>',
        {
          automatic:
            style('text', 'T1', 'fo:font-weight="normal"', 'style:parent-style-name="Strong"') +
            style('text', 'T2', 'fo:font-weight="600"') +
            style('text', 'T3', 'fo:font-weight="500"'),
          styles: style('text', 'Strong', 'fo:font-weight="bold"'),
        },
      );
      expect(blocks).toEqual([paragraph(text('normal'), text('halbfett', { bold: true }), text('mittel'))]);
    });

    it('reads underline, strike-through, superscript and subscript', async () => {
      const span = (name: string, value: string) =>
        `<text:span text:style-name="${name}">${value}</text:span>`;
      const blocks = await blocksOf(
        `<text:p>${span('U', 'u')}${span('UN', 'un')}${span('S', 's')}${span('SN', 'sn')}${span('SUP', 'sup')}${span('SUB', 'sub')}` +
          `${span('UP', 'up')}${span('DOWN', 'down')}${span('ZERO', 'zero')}</text:p>`,
        {
          automatic:
            style('text', 'U', 'style:text-underline-style="solid"') +
            style('text', 'UN', 'style:text-underline-style="none"') +
            style('text', 'S', 'style:text-line-through-style="solid"') +
            style('text', 'SN', 'style:text-line-through-style="none"') +
            style('text', 'SUP', 'style:text-position="super 58%"') +
            style('text', 'SUB', 'style:text-position="sub 58%"') +
            style('text', 'UP', 'style:text-position="33% 58%"') +
            style('text', 'DOWN', 'style:text-position="-33% 58%"') +
            style('text', 'ZERO', 'style:text-position="0% 100%"'),
        },
      );
      expect(blocks).toEqual([
        paragraph(
          text('u', { underline: true }),
          text('un'),
          text('s', { strike: true }),
          text('sn'),
          text('sup', { superscript: true }),
          text('sub', { subscript: true }),
          text('up', { superscript: true }),
          text('down', { subscript: true }),
          text('zero'),
        ),
      ]);
    });

    it('adds the marks of inner spans to those of outer ones', async () => {
      const blocks = await blocksOf(
        '<text:p><text:span text:style-name="B">fett <text:span text:style-name="I">und kursiv</text:span></text:span></text:p>',
        {
          automatic:
            style('text', 'B', 'fo:font-weight="bold"') + style('text', 'I', 'fo:font-style="italic"'),
        },
      );
      expect(blocks).toEqual([
        paragraph(text('fett ', { bold: true }), text('und kursiv', { bold: true, italic: true })),
      ]);
    });

    it('takes marks a paragraph’s automatic style sets for its whole text, but not the look of a common style', async () => {
      const blocks = await blocksOf(
        '<text:p text:style-name="P1">ganz fett</text:p><text:p text:style-name="Heavy">Vorlage</text:p>',
        {
          automatic: style('paragraph', 'P1', 'fo:font-weight="bold"', 'style:parent-style-name="Heavy"'),
          styles: style('paragraph', 'Heavy', 'fo:font-style="italic"'),
        },
      );
      expect(blocks).toEqual([paragraph(text('ganz fett', { bold: true })), paragraph(text('Vorlage'))]);
    });

    it('reads text:s as spaces, a tab as one space, a line break as a break, and collapses the XML’s whitespace', async () => {
      const blocks = await blocksOf(
        '<text:p>\n  a<text:s/>b<text:s text:c="3"/>c<text:tab/>d<text:line-break/>e   \n f  </text:p>',
      );
      expect(blocks).toEqual([paragraph(text('a b   c d'), { kind: 'break' }, text('e f'))]);
    });

    it('links the texts of http, https and mailto links, and keeps only the text of other links', async () => {
      const blocks = await blocksOf(
        '<text:p><text:a xlink:href="https://example.org/a">A</text:a> <text:a xlink:href="http://example.org">B</text:a> ' +
          '<text:a xlink:href="mailto:info@example.org"><text:span text:style-name="B">C</text:span></text:a> ' +
          '<text:a xlink:href="javascript:alert(1)">D</text:a> <text:a xlink:href="#Kapitel">E</text:a></text:p>',
        { automatic: style('text', 'B', 'fo:font-weight="bold"') },
      );
      expect(blocks).toEqual([
        paragraph(
          text('A', {}, 'https://example.org/a'),
          text(' '),
          text('B', {}, 'http://example.org'),
          text(' '),
          text('C', { bold: true }, 'mailto:info@example.org'),
          text(' D E'),
        ),
      ]);
    });

    it('reads footnotes and endnotes as one line of their body’s text, without their citation', async () => {
      const note = (cls: string, body: string) =>
        `<text:note text:id="n1" text:note-class="${cls}"><text:note-citation>1</text:note-citation><text:note-body>${body}</text:note-body></text:note>`;
      const blocks = await blocksOf(
        `<text:p>Satz${note('footnote', '<text:p>Erste  Zeile</text:p><text:p>zweite <text:span>Zeile</text:span></text:p>')}` +
          ` und${note('endnote', '<text:p>Ende</text:p>')}.</text:p><text:p>${note('footnote', '<text:p>allein</text:p>')}</text:p>`,
      );
      expect(blocks).toEqual([
        paragraph(
          text('Satz'),
          { kind: 'footnote', text: 'Erste Zeile zweite Zeile' },
          text(' und'),
          { kind: 'footnote', text: 'Ende' },
          text('.'),
        ),
        paragraph({ kind: 'footnote', text: 'allein' }),
      ]);
    });

    it('ignores bookmarks, page breaks, change and reference marks, comments and the deleted text of tracked changes', async () => {
      const blocks = await blocksOf(
        '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>gelöscht</text:p></text:deletion></text:changed-region></text:tracked-changes>' +
          '<text:p><text:bookmark text:name="a"/>Ein<text:bookmark-start text:name="b"/>' +
          '<office:annotation><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">Ana</dc:creator><text:p>Kommentar</text:p></office:annotation>' +
          'fach<text:bookmark-end text:name="b"/><text:change text:change-id="c1"/> <text:change-start text:change-id="c2"/>neu<text:change-end text:change-id="c2"/>' +
          '<text:soft-page-break/> <text:reference-mark-start text:name="r"/>Text<text:reference-mark-end text:name="r"/><text:reference-mark text:name="s"/>' +
          '<office:annotation-end office:name="x"/></text:p>',
      );
      expect(blocks).toEqual([paragraph(text('Einfach neu Text'))]);
    });

    it('takes the displayed text of fields and of unknown inline elements', async () => {
      const blocks = await blocksOf(
        '<text:p>Seite <text:page-number text:select-page="current">3</text:page-number>, ' +
          '<text:date text:date-value="2024-05-01">01.05.2024</text:date>, ' +
          'siehe <text:bookmark-ref text:reference-format="text" text:ref-name="a">Kapitel</text:bookmark-ref> und ' +
          '<text:sequence-ref text:reference-format="category-and-value" text:ref-name="r">Abbildung 2</text:sequence-ref>, ' +
          '<text:sequence text:name="Illustration" style:num-format="1">4</text:sequence>, <x:new xmlns:x="urn:example"><x:b>neu</x:b></x:new></text:p>',
      );
      expect(blocks).toEqual([paragraph(text('Seite 3, 01.05.2024, siehe Kapitel und Abbildung 2, 4, neu'))]);
    });
  });

  describe('paragraph styles', () => {
    it('marks paragraphs of the caption styles as captions, by name or display name, in any case, inherited, or undefined', async () => {
      const blocks = await blocksOf(
        '<text:p text:style-name="P1">Abbildung 1: A</text:p><text:p text:style-name="Beschr">B</text:p>' +
          '<text:p text:style-name="Table">C</text:p><text:p text:style-name="Text">D</text:p><text:p text:style-name="Tabelleninhalt">E</text:p>' +
          '<text:p text:style-name="Abbildung">F</text:p>',
        {
          automatic: style('paragraph', 'P1', '', 'style:parent-style-name="Illustration"'),
          styles:
            style('paragraph', 'Caption') +
            style('paragraph', 'Illustration', '', 'style:parent-style-name="Caption"') +
            style('paragraph', 'Beschr', '', 'style:display-name="BESCHRIFTUNG"') +
            style('paragraph', 'Table', '', 'style:parent-style-name="Caption"') +
            style('paragraph', 'Text', '', 'style:parent-style-name="Caption"') +
            style('paragraph', 'Tabelleninhalt'),
        },
      );
      expect(blocks).toEqual([
        caption(text('Abbildung 1: A')),
        caption(text('B')),
        caption(text('C')),
        caption(text('D')),
        paragraph(text('E')),
        caption(text('F')),
      ]);
    });

    it('wraps consecutive paragraphs of a quotation style in one quote', async () => {
      const blocks = await blocksOf(
        '<text:p text:style-name="P1">Eins</text:p><text:p/><text:p text:style-name="Quotations">Zwei</text:p>' +
          '<text:p>Dazwischen</text:p><text:p text:style-name="Zitat">Drei</text:p>',
        {
          automatic: style('paragraph', 'P1', '', 'style:parent-style-name="Quotations"'),
          styles: style('paragraph', 'Quotations') + style('paragraph', 'Zitat'),
        },
      );
      expect(blocks).toEqual([
        { kind: 'quote', blocks: [paragraph(text('Eins')), paragraph(text('Zwei'))] },
        paragraph(text('Dazwischen')),
        { kind: 'quote', blocks: [paragraph(text('Drei'))] },
      ]);
    });
  });

  describe('images and drawings', () => {
    it('reads an image of the archive as an image in its paragraph, with the frame’s title or else its description as alt text', async () => {
      const read = await blocksOf(
        `<text:p>Vorher ${frame('Pictures/a.png', '<svg:title>Karte</svg:title><svg:desc>lang</svg:desc>')}</text:p>` +
          `<text:p>${frame('Pictures/a.png', '<svg:desc>Beschreibung</svg:desc>')}</text:p>`,
        { files: { 'Pictures/a.png': PNG } },
      );
      expect(read).toEqual([
        paragraph(text('Vorher '), image(png('Karte'))),
        paragraph(image(png('Beschreibung'))),
      ]);
    });

    it('gives an image without title or description no alt text, and one marked decorative an empty one', async () => {
      const blocks = await blocksOf(
        `<text:p>${frame('Pictures/a.png')}<draw:frame loext:decorative="true"><svg:title>Zierde</svg:title><draw:image xlink:href="Pictures/a.png"/></draw:frame></text:p>`,
        { files: { 'Pictures/a.png': PNG } },
      );
      expect(blocks).toEqual([paragraph(image(png(null)), image(png('')))]);
    });

    it('reads an image whose frame has a wrap contour', async () => {
      const blocks = await blocksOf(
        `<text:p>${frame('Pictures/a.png', '<draw:contour-polygon svg:width="1cm" svg:height="1cm" draw:points="0,0 1,1"/>')}</text:p>`,
        { files: { 'Pictures/a.png': PNG } },
      );
      expect(blocks).toEqual([paragraph(image(png()))]);
    });

    it('leaves out an image larger than 20 MiB, without failing the import', async () => {
      const zip = openZip(
        await odtFile(`<text:p>Text${frame('Pictures/a.png')}</text:p>`, {
          files: { 'Pictures/a.png': PNG },
        }),
      );
      const tooLarge: ZipArchive = {
        ...zip,
        read: () =>
          Promise.reject(new ImportError('tooLarge', 'the part Pictures/a.png unpacks to more than 20 MiB')),
      };
      expect((await readOdt(tooLarge, parseXml)).blocks).toEqual([
        paragraph(text('Text'), image(unshowable())),
      ]);
    });

    it('reads an image given inline as base64 data', async () => {
      const base64 = btoa(String.fromCharCode(...PNG));
      const blocks = await blocksOf(
        `<text:p><draw:frame><draw:image><office:binary-data>${base64.slice(0, 8)}\n${base64.slice(8)}</office:binary-data></draw:image></draw:frame></text:p>`,
      );
      expect(blocks).toEqual([paragraph(image(png()))]);
    });

    it('leaves images of formats the text cannot show, and missing ones, without bytes', async () => {
      const blocks = await blocksOf(
        `<text:p>${frame('Pictures/a.emf')}${frame('Pictures/fehlt.png')}${frame('https://example.org/b.png')}</text:p>`,
        {
          files: { 'Pictures/a.emf': EMF },
        },
      );
      expect(blocks).toEqual([paragraph(image(unshowable()), image(unshowable()), image(unshowable()))]);
    });

    it('takes the first image of a frame in a format the text can show', async () => {
      const blocks = await blocksOf(
        '<text:p><draw:frame><draw:image xlink:href="Pictures/a.svg"/><draw:image xlink:href="./Pictures/a.png"/></draw:frame></text:p>',
        { files: { 'Pictures/a.svg': new TextEncoder().encode('<svg/>'), 'Pictures/a.png': PNG } },
      );
      expect(blocks).toEqual([paragraph(image(png()))]);
    });

    it('reads LibreOffice’s captioned figure (a text box) as the image followed by its caption paragraph', async () => {
      const blocks = await blocksOf(
        '<text:p text:style-name="Standard">Davor<draw:frame draw:name="Rahmen1" text:anchor-type="paragraph"><draw:text-box>' +
          `<text:p text:style-name="Figure">${frame('Pictures/a.png', '<svg:title>Karte</svg:title>')}<text:line-break/>` +
          'Abbildung <text:sequence text:ref-name="refIllustration0" text:name="Illustration" style:num-format="1">1</text:sequence>: Die Karte</text:p>' +
          '</draw:text-box></draw:frame></text:p><text:p>Danach</text:p>',
        {
          files: { 'Pictures/a.png': PNG },
          styles:
            style('paragraph', 'Caption') +
            style('paragraph', 'Figure', '', 'style:parent-style-name="Caption"'),
        },
      );
      expect(blocks).toEqual([
        paragraph(text('Davor')),
        paragraph(image(png('Karte'))),
        caption(text('Abbildung 1: Die Karte')),
        paragraph(text('Danach')),
      ]);
    });

    it('reads the paragraphs of a text box after the paragraph it stands in', async () => {
      const blocks = await blocksOf(
        '<text:p>Haupttext<draw:frame><draw:text-box><text:p>Kasten</text:p><text:list><text:list-item><text:p>Punkt</text:p></text:list-item></text:list></draw:text-box></draw:frame> weiter</text:p>',
      );
      expect(blocks).toEqual([
        paragraph(text('Haupttext weiter')),
        paragraph(text('Kasten')),
        { kind: 'list', ordered: false, items: [[paragraph(text('Punkt'))]] },
      ]);
    });

    it('counts charts, formulas, OLE objects and drawn shapes as left out, giving only the words written in a shape', async () => {
      const document = await read(
        '<text:p>Text<draw:frame><draw:object xlink:href="./Object 1"/><draw:image xlink:href="./ObjectReplacements/Object 1"/></draw:frame>' +
          '<draw:frame><draw:object-ole xlink:href="./Object 2"/></draw:frame>' +
          '<draw:custom-shape><text:p>Form</text:p></draw:custom-shape><draw:rect/><draw:line/><draw:g><draw:circle/></draw:g></text:p>' +
          '<draw:frame text:anchor-type="page"><draw:object xlink:href="./Object 3"/></draw:frame>',
      );
      expect(document).toEqual({ blocks: [paragraph(text('Text')), paragraph(text('Form'))], leftOut: 6 });
    });

    it('reads a frame anchored to the page as a paragraph of its own', async () => {
      const blocks = await blocksOf(`<text:p>A</text:p>${frame('Pictures/a.png')}<text:p>B</text:p>`, {
        files: { 'Pictures/a.png': PNG },
      });
      expect(blocks).toEqual([paragraph(text('A')), paragraph(image(png())), paragraph(text('B'))]);
    });
  });

  describe('lists', () => {
    const listStyles =
      '<text:list-style style:name="L1">' +
      '<text:list-level-style-number text:level="1" style:num-format="1"/>' +
      '<text:list-level-style-bullet text:level="2" text:bullet-char="•"/>' +
      '<text:list-level-style-number text:level="3" style:num-format=""/>' +
      '</text:list-style>';

    it('reads a numbered list with nested bulleted levels, by the list style of each level', async () => {
      const blocks = await blocksOf(
        '<text:list text:style-name="L1"><text:list-item><text:p>Eins</text:p>' +
          '<text:list><text:list-item><text:p>Punkt</text:p><text:list><text:list-item><text:p>Tief</text:p></text:list-item></text:list></text:list-item></text:list>' +
          '</text:list-item><text:list-item><text:p>Zwei</text:p></text:list-item></text:list>',
        { automatic: listStyles },
      );
      expect(blocks).toEqual([
        {
          kind: 'list',
          ordered: true,
          items: [
            [
              paragraph(text('Eins')),
              {
                kind: 'list',
                ordered: false,
                items: [
                  [
                    paragraph(text('Punkt')),
                    { kind: 'list', ordered: false, items: [[paragraph(text('Tief'))]] },
                  ],
                ],
              },
            ],
            [paragraph(text('Zwei'))],
          ],
        },
      ]);
    });

    it('finds the list style in styles.xml, or through the paragraph style, and makes lists without one bulleted', async () => {
      const item = (content: string) => `<text:list-item>${content}</text:list-item>`;
      const blocks = await blocksOf(
        `<text:list text:style-name="Numbering_20_123">${item('<text:p>a</text:p>')}</text:list>` +
          `<text:list>${item('<text:p text:style-name="P1">b</text:p>')}</text:list>` +
          `<text:list>${item('<text:p>c</text:p>')}<text:list-header><text:h text:outline-level="2">d</text:h></text:list-header></text:list>`,
        {
          automatic: style('paragraph', 'P1', '', 'style:parent-style-name="List_20_Number"'),
          styles:
            '<text:list-style style:name="Numbering_20_123"><text:list-level-style-number text:level="1" style:num-format="1"/></text:list-style>' +
            style('paragraph', 'List_20_Number', '', 'style:list-style-name="Numbering_20_123"'),
        },
      );
      expect(blocks).toEqual([
        { kind: 'list', ordered: true, items: [[paragraph(text('a'))]] },
        { kind: 'list', ordered: true, items: [[paragraph(text('b'))]] },
        {
          kind: 'list',
          ordered: false,
          items: [[paragraph(text('c'))], [{ kind: 'heading', level: 2, inlines: [text('d')] }]],
        },
      ]);
    });

    it('numbers a list that continues an earlier one on from it, by continue-numbering or continue-list', async () => {
      const numbered = (items: string[], attributes = '') =>
        `<text:list text:style-name="L1" ${attributes}>${items.map((i) => `<text:list-item><text:p>${i}</text:p></text:list-item>`).join('')}</text:list>`;
      const blocks = await blocksOf(
        numbered(['Eins', 'Zwei'], 'xml:id="list1"') +
          '<text:p>Dazwischen</text:p>' +
          numbered(['Drei'], 'text:continue-numbering="true"') +
          numbered(['Neu']) +
          numbered(['Wieder drei'], 'text:continue-list="list1"'),
        { automatic: listStyles },
      );
      const list = (value: string[], start?: number) => ({
        kind: 'list',
        ordered: true,
        items: value.map((v) => [paragraph(text(v))]),
        ...(start === undefined ? {} : { start }),
      });
      expect(blocks).toEqual([
        list(['Eins', 'Zwei']),
        paragraph(text('Dazwischen')),
        list(['Drei'], 3),
        list(['Neu']),
        list(['Wieder drei'], 3),
      ]);
    });

    it('drops empty list items and lists', async () => {
      const blocks = await blocksOf(
        '<text:list><text:list-item><text:p/></text:list-item><text:list-item><text:p>x</text:p></text:list-item></text:list>' +
          '<text:list><text:list-item><text:p/></text:list-item></text:list>',
      );
      expect(blocks).toEqual([{ kind: 'list', ordered: false, items: [[paragraph(text('x'))]] }]);
    });
  });

  describe('tables', () => {
    const cell = (content: string, attributes = '') =>
      `<table:table-cell ${attributes}><text:p>${content}</text:p></table:table-cell>`;
    const read = (blocks: string, header = false, colspan = 1, rowspan = 1) => ({
      blocks: blocks === '' ? [] : [paragraph(text(blocks))],
      colspan,
      rowspan,
      header,
    });

    it('reads header rows, row groups, spans and cells, skipping covered cells', async () => {
      const blocks = await blocksOf(
        '<table:table table:name="T1"><table:table-column table:number-columns-repeated="2"/>' +
          `<table:table-header-rows><table:table-row>${cell('Name')}${cell('Wert')}</table:table-row></table:table-header-rows>` +
          `<table:table-rows><table:table-row>${cell('breit', 'table:number-columns-spanned="2"')}<table:covered-table-cell/></table:table-row></table:table-rows>` +
          `<table:table-row-group><table:table-row>${cell('hoch', 'table:number-rows-spanned="2"')}<table:table-cell/></table:table-row>` +
          `<table:table-row><table:covered-table-cell/>${cell('z')}</table:table-row></table:table-row-group>` +
          '</table:table>',
      );
      expect(blocks).toEqual([
        {
          kind: 'table',
          rows: [
            [read('Name', true), read('Wert', true)],
            [read('breit', false, 2)],
            [read('hoch', false, 1, 2), read('')],
            [read('z')],
          ],
        },
      ]);
    });

    it('reads a table nested in a cell as the paragraphs of its cells', async () => {
      const blocks = await blocksOf(
        `<table:table><table:table-row><table:table-cell><text:p>außen</text:p><table:table><table:table-row>${cell('a')}${cell('b')}</table:table-row></table:table></table:table-cell></table:table-row></table:table>`,
      );
      expect(blocks).toEqual([
        {
          kind: 'table',
          rows: [
            [
              {
                ...read('außen'),
                blocks: [paragraph(text('außen')), paragraph(text('a')), paragraph(text('b'))],
              },
            ],
          ],
        },
      ]);
    });
  });

  describe('containers', () => {
    it('reads the text of sections and skips indexes, declarations and forms', async () => {
      const index = (name: string) =>
        `<text:${name}><text:index-body><text:p>Eintrag ${name}</text:p></text:index-body></text:${name}>`;
      const blocks = await blocksOf(
        '<office:forms/><text:sequence-decls><text:sequence-decl text:name="Illustration"/></text:sequence-decls>' +
          '<text:variable-decls><text:variable-decl text:name="v"/></text:variable-decls>' +
          [
            'table-of-content',
            'illustration-index',
            'table-index',
            'object-index',
            'user-index',
            'alphabetical-index',
            'bibliography',
          ]
            .map(index)
            .join('') +
          '<text:section text:name="Bereich1"><text:p>Im Bereich</text:p><text:section text:name="B2"><text:h>Tiefer</text:h></text:section></text:section>',
      );
      expect(blocks).toEqual([
        paragraph(text('Im Bereich')),
        { kind: 'heading', level: 1, inlines: [text('Tiefer')] },
      ]);
    });
  });
});

describe('importDocument of an OpenDocument text', () => {
  it('gives the HTML the editor pastes: headings levelled, captions on their images, footnotes', async () => {
    const bytes = await odtFile(
      '<text:h text:outline-level="1">Einleitung</text:h>' +
        '<text:p>Text<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Quelle</text:p></text:note-body></text:note></text:p>' +
        `<text:p>${frame('Pictures/a.png', '<svg:title>Karte</svg:title>')}</text:p><text:p text:style-name="Caption">Abbildung 1: Die Karte</text:p>`,
      { files: { 'Pictures/a.png': PNG }, styles: style('paragraph', 'Caption') },
    );
    const imported = await importDocument(bytes, parseXml);
    expect(imported).toEqual({
      html:
        '<h2>Einleitung</h2><p>Text<span data-footnote="Quelle"></span></p>' +
        `<img src="data:image/png;base64,${btoa(String.fromCharCode(...PNG))}" alt="Karte" data-caption="Die Karte">`,
      leftOut: 0,
    });
  });
});
