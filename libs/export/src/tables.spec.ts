import { TABLE_CAPTION_MAX_LENGTH } from '@kapitel/editor';
import { reportModel } from './report-model.test-support.js';
import { buildRenderData, type RenderBlock } from './render-data.js';

type TableBlock = Extract<RenderBlock, { k: 'table' }>;
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const cell = (text: string, header = false) => ({ type: header ? 'tableHeader' : 'tableCell', content: [paragraph(text)] });
const table = (caption: unknown, ...content: unknown[]) => ({
  type: 'table',
  attrs: { caption },
  content: [{ type: 'tableRow', content: [cell('Größe', true), cell('Anteil', true)] }, { type: 'tableRow', content: [cell('klein'), cell('12 %')] }, ...content],
});
const tablesOf = (content: unknown[]): TableBlock[] =>
  buildRenderData(reportModel(content)).data.sections[0].blocks.filter((b): b is TableBlock => b.k === 'table');

describe('a table caption in the render data', () => {
  it('is the table\'s `cap`, as text pieces with smart quotes split out, beside its header and rows', () => {
    const [out] = tablesOf([table('Open-Source-Anteil nach "Gemeindegröße"')]);
    expect(out.cap).toEqual(['Open-Source-Anteil nach ', true, 'Gemeindegröße', true]);
    expect(out.cols).toBe(2);
    expect(out.header).toHaveLength(1);
    expect(out.rows).toHaveLength(1);
  });

  it('is null for a table without one, also one written before captions (no attribute) or of blanks only', () => {
    const old = { type: 'table', content: [{ type: 'tableRow', content: [cell('a')] }] };
    expect(tablesOf([table(null), table('   '), table(42), old]).map((b) => b.cap)).toEqual([null, null, null, null]);
  });

  it('is one line, within the limit, without control characters, never markup', () => {
    const [long, lines, hostile] = tablesOf([
      table('x'.repeat(TABLE_CAPTION_MAX_LENGTH + 20)),
      table('Kosten\n je\tEinwohner\u0007'),
      table('#read("/etc/passwd") $x$ <l> @ref'),
    ]);
    expect((long.cap ?? []).join('').replace(/\u200B/g, '')).toHaveLength(TABLE_CAPTION_MAX_LENGTH);
    expect(lines.cap).toEqual(['Kosten je Einwohner']);
    expect(hostile.cap).toEqual(['#read(', true, '/etc/passwd', true, ') $x$ <l> @ref']);
  });

  it('goes with a table that has no rows (left out altogether)', () => {
    expect(tablesOf([{ type: 'table', attrs: { caption: 'Leer' }, content: [] }])).toEqual([]);
    expect(buildRenderData(reportModel([{ type: 'table', attrs: { caption: 'Leer' }, content: [] }])).data.tables).toBe(false);
  });
});

describe('the list of tables in the render data', () => {
  const tables = (content: unknown[], language: 'de' | 'en' = 'de') => buildRenderData(reportModel(content, { language })).data;

  it('is asked for only when some table, at any depth, has a caption', () => {
    const quoted = (content: unknown) => ({ type: 'blockquote', content: [content] });
    const listed = (content: unknown) => ({ type: 'bulletList', content: [{ type: 'listItem', content: [content] }] });
    expect(tables([]).tables).toBe(false);
    expect(tables([table(null), paragraph('Tabelle 1: nur Text')]).tables).toBe(false);
    expect(tables([table('Kosten')]).tables).toBe(true);
    expect(tables([quoted(listed(table('Im Zitat, in einer Liste')))]).tables).toBe(true);
    // A captioned table inside a cell of an uncaptioned one counts as well.
    expect(tables([table(null, { type: 'tableRow', content: [{ type: 'tableCell', content: [table('Innen')] }] })]).tables).toBe(true);
  });

  it('is independent of the list of figures', () => {
    const image = (caption: string | null) => ({ type: 'image', attrs: { src: 'https://tracker.example/x.png', alt: 'Bild', caption } });
    expect(tables([image('Organigramm'), table(null)])).toMatchObject({ figures: true, tables: false });
    expect(tables([image(null), table('Kosten')])).toMatchObject({ figures: false, tables: true });
  });

  it('has its heading and the tables\' supplement in the report\'s language', () => {
    expect(tables([]).labels).toMatchObject({ tables: 'Tabellenverzeichnis', table: 'Tabelle' });
    expect(tables([], 'en').labels).toMatchObject({ tables: 'List of tables', table: 'Table' });
  });
});

describe('a column of figures in the render data', () => {
  it('is set flush right, its header cell too, and a column of words is not', () => {
    const [out] = tablesOf([table(null, { type: 'tableRow', content: [cell('groß'), cell('')] })]);
    expect(out.header[0].map((c) => c.num)).toEqual([undefined, true]);
    expect(out.rows.map((row) => row.map((c) => c.num))).toEqual([
      [undefined, true],
      [undefined, true],
    ]);
  });

  it('is not when one of its cells holds words', () => {
    const [out] = tablesOf([table(null, { type: 'tableRow', content: [cell('groß'), cell('unbekannt')] })]);
    expect(out.rows.flat().some((c) => c.num === true)).toBe(false);
  });
});
