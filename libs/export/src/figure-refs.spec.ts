import type { JSONContent } from '@tiptap/core';
import { figuresOf } from '@kapitel/editor';
import type { ReportModel, ReportSection } from './model.js';
import { buildRenderData, type RenderBlock, type RenderData, type RenderInline } from './render-data.js';
import { reportModel } from './report-model.test-support.js';
import { anyBlock } from './tables.js';

const ID = {
  map: '0a000000-0000-4000-8000-000000000001',
  chart: '0a000000-0000-4000-8000-000000000002',
  costs: '0a000000-0000-4000-8000-000000000003',
  inList: '0a000000-0000-4000-8000-000000000004',
  inCell: '0a000000-0000-4000-8000-000000000005',
  gone: '0a000000-0000-4000-8000-0000000000ff',
};

const IMAGE = 'data:image/png;base64,iVBORw0KGgo=';
const text = (value: string) => ({ type: 'text', text: value });
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const image = (figureId: unknown, caption: unknown) => ({
  type: 'image',
  attrs: { src: IMAGE, alt: 'Bild', caption, figureId },
});
const cell = (type: 'tableCell' | 'tableHeader', ...content: unknown[]) => ({ type, content });
const table = (
  figureId: unknown,
  caption: unknown,
  rows: unknown[][] = [[cell('tableCell', paragraph(text('a')))]],
) => ({
  type: 'table',
  attrs: { figureId, caption },
  content: rows.map((row) => ({ type: 'tableRow', content: row })),
});
const refTo = (figureId: unknown, caption: unknown = 'Alte Beschriftung', kind: unknown = 'figure') => ({
  type: 'figureRef',
  attrs: { figureId, kind, caption },
});

const section = (id: string, number: string, content: unknown[]): ReportSection => ({
  id,
  number,
  title: `Kapitel ${number}`,
  depth: 1,
  state: 'approved',
  content: { type: 'doc', content },
});

/** A report of two chapters: `first` and `second` as their texts. */
const twoChapters = (
  first: unknown[],
  second: unknown[],
  overrides: Partial<ReportModel> = {},
): ReportModel =>
  reportModel([], {
    sections: [
      section('1b000000-0000-4000-8000-000000000001', '1', first),
      section('1b000000-0000-4000-8000-000000000002', '2', second),
    ],
    ...overrides,
  });

/** Every figure reference of the render data, in reading order. */
function figureRefs(data: RenderData): RenderInline[] {
  const found: RenderInline[] = [];
  const inlines = (list: RenderInline[]): void =>
    list.forEach((inline) =>
      inline.k === 'figref' ? found.push(inline) : inline.k === 'a' && inlines(inline.c),
    );
  for (const s of data.sections) {
    anyBlock(s.blocks, (b) => {
      if (b.k === 'p' || b.k === 'h') {
        inlines(b.c);
      }
      return false;
    });
  }
  return found;
}

/** The numbered figures and tables of the render data in reading order: their kind, caption and label. */
function figures(data: RenderData): Array<{ k: RenderBlock['k']; cap: string; label: string | null }> {
  const found: Array<{ k: RenderBlock['k']; cap: string; label: string | null }> = [];
  for (const s of data.sections) {
    anyBlock(s.blocks, (b) => {
      if ((b.k === 'img' || b.k === 'noimg' || b.k === 'table') && b.cap !== null) {
        found.push({ k: b.k, cap: b.cap.join(''), label: b.label ?? null });
      }
      return false;
    });
  }
  return found;
}

describe('cross-references to figures and tables in the PDF', () => {
  it('link to the label of their target in any section, forward and back, named by what the target is', () => {
    const { data } = buildRenderData(
      twoChapters(
        [
          paragraph(text('Siehe '), refTo(ID.chart), text(' und '), refTo(ID.costs, 'Kosten', 'figure')),
          image(ID.map, 'Karte'),
        ],
        [image(ID.chart, 'Diagramm'), table(ID.costs, 'Kosten'), paragraph(text('Wie '), refTo(ID.map))],
      ),
    );
    expect(figureRefs(data)).toEqual([
      { k: 'figref', to: `fig-${ID.chart}`, s: ['Abbildung\u00A0'] },
      // The reference remembered a figure; the target is a table, and it says so.
      { k: 'figref', to: `fig-${ID.costs}`, s: ['Tabelle\u00A0'] },
      { k: 'figref', to: `fig-${ID.map}`, s: ['Abbildung\u00A0'] },
    ]);
    expect(figures(data)).toEqual([
      { k: 'img', cap: 'Karte', label: `fig-${ID.map}` },
      { k: 'img', cap: 'Diagramm', label: `fig-${ID.chart}` },
      { k: 'table', cap: 'Kosten', label: `fig-${ID.costs}` },
    ]);
  });

  it("use the report's language", () => {
    const { data } = buildRenderData(
      twoChapters(
        [paragraph(refTo(ID.map), refTo(ID.costs))],
        [image(ID.map, 'Karte'), table(ID.costs, 'Kosten')],
        { language: 'en' },
      ),
    );
    expect(figureRefs(data).map((ref) => ref.k === 'figref' && ref.s)).toEqual([
      ['Figure\u00A0'],
      ['Table\u00A0'],
    ]);
  });

  it('point to the first of two figures with one id (a copy pasted further on), and label only that one', () => {
    const { data } = buildRenderData(
      twoChapters(
        [image(ID.map, 'Karte'), paragraph(refTo(ID.map))],
        [image(ID.map, 'Karte (Kopie)'), paragraph(refTo(ID.map))],
      ),
    );
    expect(figureRefs(data).map((ref) => ref.k === 'figref' && ref.to)).toEqual([
      `fig-${ID.map}`,
      `fig-${ID.map}`,
    ]);
    expect(figures(data)).toEqual([
      { k: 'img', cap: 'Karte', label: `fig-${ID.map}` },
      { k: 'img', cap: 'Karte (Kopie)', label: null },
    ]);
  });

  it('say in a draft that a target is missing, with the remembered caption in quotes, and link nowhere', () => {
    const { data } = buildRenderData(
      twoChapters(
        [
          paragraph(
            refTo(ID.gone, 'Gelöschte Karte'),
            refTo(ID.map, 'Karte ohne Beschriftung'),
            refTo('', 'Ohne Id'),
            refTo(ID.chart, 'Tabelle als Bild'),
          ),
          // Captioned no more: no number, so nothing to refer to; without an id: nothing to name.
          image(ID.map, null),
          image('', 'Ohne Id'),
          table(ID.chart, '   '),
        ],
        [],
      ),
    );
    expect(figureRefs(data)).toEqual([
      { k: 'figref', to: null, s: ['Verweis fehlt: ', true, 'Gelöschte Karte', true] },
      { k: 'figref', to: null, s: ['Verweis fehlt: ', true, 'Karte ohne Beschriftung', true] },
      { k: 'figref', to: null, s: ['Verweis fehlt: ', true, 'Ohne Id', true] },
      { k: 'figref', to: null, s: ['Verweis fehlt: ', true, 'Tabelle als Bild', true] },
    ]);
    expect(figures(data)).toEqual([{ k: 'img', cap: 'Ohne Id', label: null }]);
  });

  it('print only the remembered caption for a missing target in a final export, as references to sections do', () => {
    const { data } = buildRenderData(
      twoChapters([paragraph(refTo(ID.gone, 'Gelöschte "Karte"'))], [], { mode: 'final' }),
    );
    expect(figureRefs(data)).toEqual([
      { k: 'figref', to: null, s: [true, 'Gelöschte ', true, 'Karte', true, true] },
    ]);
  });

  it('name a missing target without a remembered caption by its kind', () => {
    const refs = (mode: 'draft' | 'final') =>
      figureRefs(
        buildRenderData(
          twoChapters([paragraph(refTo(ID.gone, '', 'table'), refTo(ID.gone, null))], [], { mode }),
        ).data,
      );
    expect(refs('final').map((ref) => ref.k === 'figref' && ref.s)).toEqual([['Tabelle'], ['Abbildung']]);
    expect(refs('draft').map((ref) => ref.k === 'figref' && ref.s)).toEqual([
      ['Verweis fehlt: ', 'Tabelle'],
      ['Verweis fehlt: ', 'Abbildung'],
    ]);
  });

  it('find figures nested in lists, quotes and table cells, and ids written in capitals', () => {
    const listed = {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [paragraph(text('Punkt')), image(ID.inList.toUpperCase(), 'In der Liste')],
        },
      ],
    };
    const quoted = { type: 'blockquote', content: [image(ID.map, 'Zitiert')] };
    const { data } = buildRenderData(
      twoChapters(
        [paragraph(refTo(ID.inList), refTo(ID.inCell), refTo(ID.map.toUpperCase()))],
        [
          listed,
          quoted,
          table(ID.costs, 'Mit Bild', [[cell('tableCell', image(ID.inCell, 'In der Zelle'))]]),
        ],
      ),
    );
    expect(figureRefs(data).map((ref) => ref.k === 'figref' && ref.to)).toEqual([
      `fig-${ID.inList}`,
      `fig-${ID.inCell}`,
      `fig-${ID.map}`,
    ]);
  });

  it("label the figures in the order figuresOf() numbers them (the editor's numbers), nested ones and uncaptioned ones between included", () => {
    const first = [
      image(ID.map, 'Karte'),
      image('', null),
      { type: 'orderedList', content: [{ type: 'listItem', content: [image(ID.inList, 'In der Liste')] }] },
      table(ID.costs, 'Kosten', [
        [cell('tableCell', paragraph(text('a'))), cell('tableCell', image(ID.inCell, 'In der Zelle'))],
      ]),
    ];
    const second = [image(ID.chart, 'Diagramm'), image(ID.map, 'Kopie')];
    const { data } = buildRenderData(twoChapters(first, second));
    const editor = [
      ...figuresOf({ type: 'doc', content: first as JSONContent[] }),
      ...figuresOf({ type: 'doc', content: second }),
    ];
    expect(figures(data).map((f) => f.cap)).toEqual(editor.map((f) => f.caption));
    expect(figures(data).map((f) => f.label)).toEqual(
      editor.map((f, i) =>
        editor.findIndex((g) => g.figureId === f.figureId) === i ? `fig-${f.figureId}` : null,
      ),
    );
  });

  it('set a table header once when it holds a numbered figure, which may then carry a label', () => {
    const header = [
      cell('tableHeader', image(ID.inCell, 'Im Kopf')),
      cell('tableHeader', paragraph(text('Kopf'))),
    ];
    const body = [cell('tableCell', paragraph(text('a'))), cell('tableCell', paragraph(text('b')))];
    const plainHeader = [cell('tableHeader', image('', null)), cell('tableHeader', paragraph(text('Kopf')))];
    const { data } = buildRenderData(
      twoChapters(
        [
          paragraph(refTo(ID.inCell)),
          table(ID.costs, 'Mit Kopf', [header, body]),
          table('', null, [plainHeader, body]),
        ],
        [],
      ),
    );
    const tables = data.sections[0].blocks.filter((b) => b.k === 'table');
    expect(tables.map((b) => b.k === 'table' && b.header.length > 0 && (b.once ?? false))).toEqual([
      true,
      false,
    ]);
    expect(figureRefs(data)).toEqual([{ k: 'figref', to: `fig-${ID.inCell}`, s: ['Abbildung\u00A0'] }]);
  });

  it('treat a figure nested deeper than the PDF sets (flattened away) as missing, never as a label', () => {
    let deep: unknown = image(ID.map, 'Tief');
    for (let level = 0; level < 14; level += 1) {
      deep = { type: 'blockquote', content: [deep] };
    }
    const { data } = buildRenderData(
      twoChapters([paragraph(refTo(ID.map, 'Tief'))], [deep], { mode: 'final' }),
    );
    expect(figures(data)).toEqual([]);
    expect(figureRefs(data)).toEqual([{ k: 'figref', to: null, s: [true, 'Tief', true] }]);
  });

  it('never fail on hostile attributes', () => {
    const hostile = [
      { type: 'figureRef' },
      { type: 'figureRef', attrs: null },
      { type: 'figureRef', attrs: { figureId: 42, kind: { x: 1 }, caption: ['x'] } },
      {
        type: 'figureRef',
        attrs: { figureId: `${ID.gone}<x>`, kind: 'table', caption: `${'A'.repeat(100_000)}\u0000\n"` },
      },
    ];
    const { data } = buildRenderData(
      twoChapters([paragraph(...hostile), image({ id: 1 }, 'Karte'), table(7, 'Kosten')], [], {
        mode: 'final',
      }),
    );
    const refs = figureRefs(data);
    expect(refs.map((ref) => ref.k === 'figref' && ref.to)).toEqual([null, null, null, null]);
    expect(refs.slice(0, 3).map((ref) => ref.k === 'figref' && ref.s)).toEqual([
      ['Abbildung'],
      ['Abbildung'],
      ['Abbildung'],
    ]);
    // The caption cut at the editor's limit (500 characters), with break opportunities (U+200B) in the long run.
    const long = refs[3].k === 'figref' ? refs[3].s : [];
    expect(
      long
        .filter((piece) => typeof piece === 'string')
        .join('')
        .replace(/\u200B/g, ''),
    ).toBe('A'.repeat(500));
    expect(figures(data).map((f) => f.label)).toEqual([null, null]);
  });
});
