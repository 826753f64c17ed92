import { cite, paragraph, SOURCE, SOURCES, text } from '../citations.test-support.js';
import type { ReportModel, ReportSection } from '../model.js';
import { reportModel } from '../report-model.test-support.js';
import { reportSources } from '../sources.js';
import { renderedOdt, xmlProblem } from './odt.test-support.js';

const ID = {
  map: '0a000000-0000-4000-8000-000000000001',
  chart: '0a000000-0000-4000-8000-000000000002',
  costs: '0a000000-0000-4000-8000-000000000003',
  first: '1b000000-0000-4000-8000-000000000001',
  second: '1b000000-0000-4000-8000-000000000002',
};

/** A PNG's signature and IHDR chunk: enough for its size (800 × 600 px). */
function png(width: number, height: number): string {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'latin1');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  return `data:image/png;base64,${header.toString('base64')}`;
}

const image = (figureId: string, caption: string | null, alt = 'Karte der Stadt') => ({
  type: 'image',
  attrs: { src: png(800, 600), alt, caption, figureId },
});
const cell = (type: 'tableCell' | 'tableHeader', value: string, attrs: Record<string, number> = {}) => ({
  type,
  attrs,
  content: [paragraph(text(value))],
});
const row = (...cells: unknown[]) => ({ type: 'tableRow', content: cells });
const figureRef = (figureId: string, kind = 'figure') => ({
  type: 'figureRef',
  attrs: { figureId, kind, caption: 'alt' },
});
const footnote = (value: string) => ({ type: 'footnote', attrs: { text: value } });

const section = (
  id: string,
  number: string | null,
  title: string,
  depth: number,
  content: unknown[],
): ReportSection => ({
  id,
  number,
  title,
  depth,
  state: 'in_review',
  content: { type: 'doc', content },
});

/** A report with a bit of everything: two levels of sections, a figure, a table, references, a note, a citation. */
function richModel(overrides: Partial<ReportModel> = {}): ReportModel {
  const sections = [
    section(ID.first, '1', 'Ausgangslage', 1, [
      paragraph(text('Siehe '), figureRef(ID.chart), text(' und '), figureRef(ID.costs, 'table'), text('.')),
      paragraph(text('Er sagte "ja" und ging.'), footnote('KGSt, "Open Source", https://www.kgst.de/x.')),
      paragraph(text('Laut '), cite(SOURCE.first, 'S. 12'), text(' und '), {
        type: 'sectionRef',
        attrs: { sectionId: ID.second, title: 'Ziele' },
      }),
      image(ID.map, 'Karte'),
      { type: 'heading', attrs: { level: 2 }, content: [text('Unterpunkt')] },
      {
        type: 'table',
        attrs: { caption: 'Kosten', figureId: ID.costs },
        content: [
          row(cell('tableHeader', 'Posten', { colspan: 2 })),
          row(cell('tableCell', 'Lizenzen', { rowspan: 2 }), cell('tableCell', '10')),
          row(cell('tableCell', '20')),
        ],
      },
      {
        type: 'orderedList',
        attrs: { start: 3 },
        content: [{ type: 'listItem', content: [paragraph(text('drei'))] }],
      },
    ]),
    section(ID.second, '1.1', 'Ziele', 2, [
      image(ID.chart, 'Diagramm'),
      { type: 'blockquote', content: [paragraph(text('Zitat'))] },
    ]),
    section('1b000000-0000-4000-8000-000000000003', null, 'Anhang', 1, []),
  ];
  return reportModel([], {
    sections,
    sources: reportSources(SOURCES, sections, 'de'),
    abbreviations: [{ short: 'KGSt', long: 'Kommunale Gemeinschaftsstelle' }],
    contributors: [{ name: 'Lena Leitung', organisation: 'Stadt Musterstadt', wrote: true }],
    ...overrides,
  });
}

describe('the ODT package', () => {
  const odt = renderedOdt(richModel());

  it('starts with the media type, stored, without an extra field', () => {
    const [first] = odt.entries;
    expect(first).toMatchObject({ path: 'mimetype', method: 0, extra: 0 });
    expect(Buffer.from(first.data).toString()).toBe('application/vnd.oasis.opendocument.text');
    // The media type at offset 38, where tools look for it.
    expect(Buffer.from(odt.bytes.subarray(30, 38 + 39)).toString()).toBe(
      'mimetypeapplication/vnd.oasis.opendocument.text',
    );
  });

  it('lists every other entry in its manifest, with a media type', () => {
    const manifest = odt.part('META-INF/manifest.xml');
    const listed = [
      ...manifest.matchAll(
        /<manifest:file-entry manifest:full-path="([^"]+)"[^>]* manifest:media-type="[^"]+"\/>/g,
      ),
    ].map((m) => m[1]);
    const files = odt.entries
      .map((e) => e.path)
      .filter((p) => p !== 'mimetype' && p !== 'META-INF/manifest.xml');
    expect(listed.sort()).toEqual(['/', ...files].sort());
    expect(manifest).toContain(
      'manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"',
    );
    expect(files).toEqual(
      expect.arrayContaining(['content.xml', 'styles.xml', 'meta.xml', 'Pictures/img-0.png']),
    );
    expect(manifest).toContain('manifest:full-path="Pictures/img-0.png" manifest:media-type="image/png"');
  });

  it('holds well-formed XML only, and is the same bytes for the same report', () => {
    for (const path of ['META-INF/manifest.xml', 'content.xml', 'styles.xml', 'meta.xml']) {
      expect([path, xmlProblem(odt.part(path))]).toEqual([path, null]);
    }
    expect(renderedOdt(richModel()).bytes).toEqual(odt.bytes);
  });

  it('carries title, language, authors and date in meta.xml', () => {
    const meta = odt.part('meta.xml');
    expect(meta).toContain('<dc:title>Bericht</dc:title>');
    expect(meta).toContain('<dc:language>de</dc:language>');
    expect(meta).toContain('<dc:creator>Lena Leitung</dc:creator>');
    expect(meta).toContain('<dc:date>2025-11-28T00:00:00</dc:date>');
  });
});

describe('the ODT content', () => {
  const content = renderedOdt(richModel()).part('content.xml');

  it('has the sections as headings with outline level, number, title and a bookmark', () => {
    expect(content).toContain(
      '<text:h text:style-name="Heading_20_1" text:outline-level="1"><text:bookmark text:name="s0"/>1 Ausgangslage</text:h>',
    );
    expect(content).toContain(
      '<text:h text:style-name="Heading_20_2" text:outline-level="2"><text:bookmark text:name="s1"/>1.1 Ziele</text:h>',
    );
    expect(content).toContain('<text:bookmark text:name="s2"/>Anhang</text:h>');
    // A heading of the text, one level below its section, in a style the contents leave out.
    expect(content).toContain(
      '<text:h text:style-name="Text_20_Heading_20_2" text:outline-level="2">Unterpunkt</text:h>',
    );
    expect(content).toMatch(
      /<text:table-of-content-source [^>]*text:use-outline-level="false" text:use-index-source-styles="true">.*<text:index-source-styles text:outline-level="2"><text:index-source-style text:style-name="Heading_20_2"\/><\/text:index-source-styles>/,
    );
    expect(renderedOdt(richModel()).part('styles.xml')).toContain(
      'style:name="Text_20_Heading_20_2" style:display-name="Text Heading 2" style:family="paragraph" style:parent-style-name="Heading_20_2"',
    );
    // The contents, filled in, linking to the headings; the cross-reference too.
    expect(content).toMatch(
      /<text:table-of-content [^>]*>.*<text:p text:style-name="Contents_20_2"><text:a xlink:type="simple" xlink:href="#s1" [^>]*>1\.1 Ziele<\/text:a>/,
    );
    expect(content).toContain(
      'xlink:href="#s1" text:style-name="Internet_20_link" text:visited-style-name="Internet_20_link">Abschnitt\u00A01.1</text:a>',
    );
  });

  it('sets a footnote as a note, its address a link', () => {
    expect(content).toMatch(
      /<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1<\/text:note-citation><text:note-body><text:p text:style-name="Footnote">KGSt, „Open Source“, <text:a [^>]*xlink:href="https:\/\/www.kgst.de\/x"/,
    );
  });

  it("prints straight quotes as the language's", () => {
    expect(content).toContain('Er sagte „ja“ und ging.');
    const english = renderedOdt(richModel({ language: 'en' })).part('content.xml');
    expect(english).toContain('Er sagte “ja” und ging.');
  });

  it('sets a table with its header row, spans and covered cells, captioned above', () => {
    expect(content).toContain(
      '<text:p text:style-name="Table">Tabelle <text:sequence text:name="Table" text:formula="ooow:Table+1" style:num-format="1" text:ref-name="fig-0a000000-0000-4000-8000-000000000003">1</text:sequence>: Kosten</text:p><table:table',
    );
    const table = /<table:table table:name="Table1".*?<\/table:table>/.exec(content)?.[0] ?? '';
    expect(table).toContain('<table:table-column table:number-columns-repeated="2"/>');
    expect(table).toMatch(
      /<table:table-header-rows><table:table-row><table:table-cell [^>]*table:number-columns-spanned="2"><text:p text:style-name="Table_20_Heading">Posten<\/text:p><\/table:table-cell><table:covered-table-cell\/><\/table:table-row><\/table:table-header-rows>/,
    );
    expect(table).toMatch(
      /<table:table-cell [^>]*table:number-rows-spanned="2"><text:p text:style-name="Table_20_Contents">Lizenzen/,
    );
    expect(table).toMatch(
      /<table:table-row><table:covered-table-cell\/><table:table-cell [^>]*>.*?20<\/text:p>/,
    );
    // The column of figures flush right, by a paragraph style of its own.
    expect(table).toMatch(/<text:p text:style-name="Table_20_Contents_20_Figures">[^<]*20<\/text:p>/);
    expect(renderedOdt(richModel()).part('styles.xml')).toMatch(
      /<style:style style:name="Table_20_Contents_20_Figures"[^>]*><style:paragraph-properties fo:text-align="end"\/>/,
    );
  });

  it("numbers figures apart from tables, and a reference says the number its figure's caption says", () => {
    const pictures = renderedOdt(richModel()).entries.map((e) => e.path);
    const frame =
      /<draw:frame [^>]*svg:width="([^"]+)" svg:height="([^"]+)"[^>]*><draw:image xlink:href="([^"]+)"/.exec(
        content,
      );
    // 800 × 600 px at 96 dpi is 21.2 cm wide: scaled to the 16 cm of the text width.
    expect(frame?.slice(1)).toEqual(['16cm', '12cm', 'Pictures/img-0.png']);
    expect(pictures).toContain(frame?.[3]);
    expect(content).toContain('<svg:title>Karte der Stadt</svg:title><svg:desc>Karte der Stadt</svg:desc>');
    expect(content).toMatch(
      /Abbildung <text:sequence text:name="Figure" [^>]*text:ref-name="fig-0a000000-0000-4000-8000-000000000001">1<\/text:sequence>: Karte/,
    );
    expect(content).toMatch(
      /Abbildung <text:sequence text:name="Figure" [^>]*text:ref-name="fig-0a000000-0000-4000-8000-000000000002">2<\/text:sequence>: Diagramm/,
    );
    expect(content).toContain(
      'Siehe Abbildung\u00A0<text:sequence-ref text:reference-format="value" text:ref-name="fig-0a000000-0000-4000-8000-000000000002">2</text:sequence-ref>',
    );
    expect(content).toContain(
      'Tabelle\u00A0<text:sequence-ref text:reference-format="value" text:ref-name="fig-0a000000-0000-4000-8000-000000000003">1</text:sequence-ref>',
    );
  });

  it('lists the figures and the tables after the contents, each with its number and caption, before the abbreviations', () => {
    const figures = /<text:illustration-index [^>]*>.*?<\/text:illustration-index>/.exec(content)?.[0] ?? '';
    expect(figures).toContain('Abbildungsverzeichnis');
    expect(figures).toContain('Abbildung 1: Karte');
    expect(figures).toContain('Abbildung 2: Diagramm');
    expect(figures).not.toContain('Tabelle');
    const tables = /<text:table-index [^>]*>.*?<\/text:table-index>/.exec(content)?.[0] ?? '';
    expect(tables).toContain('Tabelle 1: Kosten');
    expect(content.indexOf('</text:table-of-content>')).toBeLessThan(content.indexOf('<text:illustration-index '));
    expect(content.indexOf('</text:table-index>')).toBeLessThan(content.indexOf('Abkürzungsverzeichnis'));
  });

  it('has no list of figures or tables when nothing is captioned', () => {
    const plain = renderedOdt(reportModel([paragraph(text('Ohne Abbildungen.'))])).part('content.xml');
    expect(plain).not.toContain('<text:illustration-index');
    expect(plain).not.toContain('<text:table-index');
  });

  it('keeps lists with their start, quotes, and the list of abbreviations', () => {
    expect(content).toContain(
      '<text:list text:style-name="Numbers"><text:list-item text:start-value="3"><text:p text:style-name="Text_20_body">drei</text:p>',
    );
    expect(content).toContain('<text:p text:style-name="Quotations">Zitat</text:p>');
    expect(content).toMatch(
      /Abkürzungsverzeichnis<\/text:p><table:table table:name="Abbreviations".*<text:span text:style-name="T\d+">KGSt<\/text:span>.*Kommunale Gemeinschaftsstelle/,
    );
  });

  it('ends with the bibliography, each entry the target of its citations', () => {
    // The citation's words may hold no-break spaces ("S.\u00A012"): \s takes them.
    expect(content).toMatch(
      /<text:a xlink:type="simple" xlink:href="#src0" [^>]*>\(KGSt\s2023a,\sS\.\s12\)<\/text:a>/,
    );
    expect(content).toMatch(
      /<text:bookmark text:name="bibliography"\/>Literatur- und Quellenverzeichnis<\/text:h><text:p text:style-name="Bibliography_20_1"><text:bookmark text:name="src0"\/>KGSt \(2023a\): <text:span text:style-name="T\d+">Erster Bericht<\/text:span>/,
    );
    expect(content.indexOf('Bibliography_20_1')).toBeGreaterThan(content.indexOf('Anhang</text:h>'));
  });
});

describe('draft and final in the ODT', () => {
  it('marks only a draft: cover, header, review states, placeholders', () => {
    const draft = renderedOdt(richModel());
    const final = renderedOdt(richModel({ mode: 'final' }));
    expect(draft.part('content.xml')).toContain('ENTWURF · 28. November 2025');
    expect(draft.part('styles.xml')).toContain(
      '<style:header><text:p text:style-name="Header">Entwurf · 28. November 2025</text:p></style:header>',
    );
    expect(draft.part('content.xml')).toContain(
      '<text:p text:style-name="Review_20_State">In Prüfung</text:p>',
    );
    expect(draft.part('content.xml')).toContain('(noch kein Text)');
    for (const path of ['content.xml', 'styles.xml']) {
      expect(final.part(path)).not.toMatch(/Entwurf|ENTWURF|In Prüfung|noch kein Text/);
    }
    expect(final.part('content.xml')).toContain('28. November 2025');
  });
});

describe('user text in the ODT', () => {
  const HOSTILE = '<script>alert("x")</script> & ]]> <img src=x onerror=alert(1)> \u0001\u0007\u001F\uFFFE';

  it('stays text, never markup, and the XML stays well-formed', () => {
    const badLink = {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Link', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
      ],
    };
    const model = reportModel([], {
      title: HOSTILE,
      subtitle: HOSTILE,
      publisher: HOSTILE,
      contributors: [{ name: HOSTILE, organisation: HOSTILE, wrote: true }],
      abbreviations: [{ short: HOSTILE, long: HOSTILE }],
      sections: [
        section(ID.first, '1', HOSTILE, 1, [
          paragraph(text(HOSTILE), footnote(HOSTILE)),
          image(ID.map, HOSTILE, HOSTILE),
          badLink,
        ]),
      ],
    });
    const odt = renderedOdt(model);
    for (const path of ['content.xml', 'styles.xml', 'meta.xml']) {
      const xml = odt.part(path);
      expect([path, xmlProblem(xml)]).toEqual([path, null]);
      expect(xml).not.toMatch(/<script|<img|]]>|javascript:/);
    }
    const content = odt.part('content.xml');
    expect(content).toContain(
      '&lt;script&gt;alert(„x“)&lt;/script&gt; &amp; ]]&gt; &lt;img src=x onerror=alert(1)&gt;',
    );
    expect(content).toContain('<text:p text:style-name="Text_20_body">Link</text:p>');
    expect(odt.part('meta.xml')).toContain(
      '<dc:title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ]]&gt;',
    );
  });
});
