import type { ReportMode } from './model.js';
import { buildRenderData, type RenderData, type RenderInline } from './render-data.js';
import { reportModel } from './report-model.test-support.js';
import { cite, paragraph, SOURCE, SOURCES, text } from './citations.test-support.js';
import { reportCitedSourceIds, reportSources } from './sources.js';
import { anyBlock } from './tables.js';

/** A report whose one chapter holds `content`, with the model's sources as the server makes them. */
function rendered(content: unknown[], options: { mode?: ReportMode; language?: 'de' | 'en' } = {}) {
  const language = options.language ?? 'de';
  const sections = reportModel(content).sections;
  return buildRenderData(
    reportModel(content, {
      mode: options.mode ?? 'draft',
      language,
      sources: reportSources(SOURCES, sections, language),
    }),
  );
}

/** Every citation or cross-reference of the render data, in reading order. */
function refs(data: RenderData): RenderInline[] {
  const found: RenderInline[] = [];
  for (const section of data.sections) {
    anyBlock(section.blocks, (block) => {
      if (block.k === 'p') {
        found.push(...block.c.filter((inline) => inline.k === 'ref'));
      }
      return false;
    });
  }
  return found;
}

describe('the sources of the report model', () => {
  it('are the cited ones, labelled over the whole list: "KGSt 2023b" stays "b" when "a" is not cited', () => {
    const sections = reportModel([paragraph(cite(SOURCE.second), cite(SOURCE.law))]).sections;
    expect(reportSources(SOURCES, sections, 'de')).toEqual([
      {
        id: SOURCE.second,
        label: 'KGSt 2023b',
        entry: [
          { kind: 'text', text: 'KGSt (2023b): ' },
          { kind: 'title', text: 'Zweiter Bericht' },
          { kind: 'text', text: '. ' },
          { kind: 'text', text: 'Köln: KGSt.' },
        ],
      },
      {
        id: SOURCE.law,
        label: 'Onlinezugangsgesetz o.\u00A0J.',
        entry: [
          { kind: 'title', text: 'Onlinezugangsgesetz' },
          { kind: 'text', text: ' (o.\u00A0J.).' },
        ],
      },
    ]);
    expect(reportSources(SOURCES, sections, 'en').map((source) => source.label)).toEqual([
      'KGSt 2023b',
      'Onlinezugangsgesetz n.d.',
    ]);
  });

  it('are found in nested content (lists, table cells) and only as valid ids', () => {
    const nested = {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            {
              type: 'table',
              content: [
                {
                  type: 'tableRow',
                  content: [{ type: 'tableCell', content: [paragraph(cite(SOURCE.study.toUpperCase()))] }],
                },
              ],
            },
          ],
        },
      ],
    };
    const sections = reportModel([nested, paragraph(cite('not-an-id'), { type: 'citation' })]).sections;
    expect([...reportCitedSourceIds(sections)]).toEqual([SOURCE.study]);
  });
});

describe('citations in the render data', () => {
  it('print the current label with what stands before it and the locator, linked to the entry, not the label they remember', () => {
    const data = rendered([
      paragraph(text('Siehe '), cite(SOURCE.first, 'S. 12', 'KGSt 2023'), cite(SOURCE.law, '', '', 'vgl.')),
    ]).data;
    expect(refs(data)).toEqual([
      { k: 'ref', to: 'src0', s: ['(KGSt 2023a, S.\u00A012)'] },
      { k: 'ref', to: 'src1', s: ['(vgl. Onlinezugangsgesetz o.\u00A0J.)'] },
    ]);
  });

  it('work in table cells like in paragraphs', () => {
    const table = {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [{ type: 'tableCell', content: [paragraph(cite(SOURCE.study, 'Kap. 3'))] }],
        },
      ],
    };
    const { data } = rendered([table]);
    const [block] = data.sections[0].blocks;
    expect(block?.k === 'table' && block.rows[0][0].c).toEqual([
      { k: 'p', c: [{ k: 'ref', to: 'src0', s: ['(Müller und Schmidt 2021, Kap.\u00A03)'] }] },
    ]);
    expect(data.sources.map((entry) => entry.to)).toEqual(['src0']);
  });

  it('of a source not in the report print the remembered label, in a draft as a missing source, and are counted', () => {
    const content = [
      paragraph(cite(SOURCE.gone, 'S. 3', 'Alt 2020'), cite(SOURCE.gone, '', ''), cite(SOURCE.first)),
    ];
    const draft = rendered(content);
    expect(refs(draft.data)).toEqual([
      { k: 'ref', to: null, s: ['Quelle fehlt: ', '(Alt 2020, S.\u00A03)'] },
      { k: 'ref', to: null, s: ['Quelle fehlt: ', '(Quelle)'] },
      { k: 'ref', to: 'src0', s: ['(KGSt 2023a)'] },
    ]);
    expect(draft.missingReferences).toBe(2);
    const final = rendered(content, { mode: 'final', language: 'en' });
    expect(refs(final.data).slice(0, 2)).toEqual([
      { k: 'ref', to: null, s: ['(Alt 2020, S.\u00A03)'] },
      { k: 'ref', to: null, s: ['(Source)'] },
    ]);
    expect(final.missingReferences).toBe(2);
  });
});

describe('the bibliography in the render data', () => {
  it("lists the cited sources once each, in the bibliography's order, with the title in italics and the address as a link", () => {
    const data = rendered([
      paragraph(cite(SOURCE.study), cite(SOURCE.first, 'S. 1'), cite(SOURCE.first, 'S. 2')),
    ]).data;
    expect(data.labels.bibliography).toBe('Literatur- und Quellenverzeichnis');
    expect(data.sources).toEqual([
      {
        to: 'src0',
        e: [
          { k: 't', s: ['KGSt (2023a): '] },
          { k: 'i', s: ['Erster Bericht'] },
          { k: 't', s: ['. '] },
          { k: 't', s: ['Köln: KGSt. '] },
          {
            k: 'url',
            href: 'https://www.kgst.de/dokumentdetails?path=/documents/20181/erster-bericht-open-source-in-der-kommunalverwaltung-2023.pdf',
            s: expect.arrayContaining(['https://', 'www', '.kgst', '/dokumentdetails']) as unknown,
          },
          { k: 't', s: [' (abgerufen am 12.03.2024).'] },
        ],
      },
      {
        to: 'src1',
        e: [
          { k: 't', s: ['Müller, Anna; Schmidt, Jan (2021): '] },
          // Straight quotes become the language's, as in the text.
          { k: 'i', s: ['Offene Software in ', true, 'Kommunen', true] },
          { k: 't', s: ['. '] },
          { k: 't', s: ['Verwaltung & Management 27 (3).'] },
        ],
      },
    ]);
  });

  it('passes Typst markup in a source through as plain strings', () => {
    const hostile = '#set text(red) *fett* $x$ \\ <label> ] @ref';
    const sections = reportModel([paragraph(cite(SOURCE.gone))]).sections;
    const model = reportModel([paragraph(cite(SOURCE.gone))], {
      sources: reportSources(
        [{ id: SOURCE.gone, authors: hostile, title: hostile, year: '2024' }],
        sections,
        'de',
      ),
    });
    const [entry] = buildRenderData(model).data.sources;
    expect(entry?.e).toEqual([
      { k: 't', s: [`${hostile} (2024): `] },
      { k: 'i', s: [hostile] },
      { k: 't', s: ['.'] },
    ]);
  });

  it('is empty without citations, also when the model has sources', () => {
    expect(rendered([paragraph(text('Nichts zitiert.'))]).data.sources).toEqual([]);
    const model = reportModel([paragraph(text('Nichts zitiert.'))], {
      sources: reportSources(SOURCES, reportModel([paragraph(cite(SOURCE.law))]).sections, 'de'),
    });
    expect(buildRenderData(model).data.sources).toEqual([]);
  });

  it('is called "References" in an English report', () => {
    expect(rendered([paragraph(cite(SOURCE.law))], { language: 'en' }).data).toMatchObject({
      labels: { bibliography: 'References' },
      sources: [
        {
          to: 'src0',
          e: [
            { k: 'i', s: ['Onlinezugangsgesetz'] },
            { k: 't', s: [' (n.d.).'] },
          ],
        },
      ],
    });
  });
});
