import type { Language } from '@kapitel/domain';
import type { ReportModel, ReportSection } from './model.js';
import { buildRenderData, type RenderInline } from './render-data.js';

const ID = {
  chapter: '11111111-1111-4111-8111-111111111111',
  sub: '22222222-2222-4222-8222-222222222222',
  annex: '33333333-3333-4333-8333-333333333333',
  gone: '44444444-4444-4444-8444-444444444444',
};

const section = (id: string, number: string | null, depth: number, title: string, content: unknown[] = []): ReportSection => ({
  id,
  number,
  title,
  depth,
  state: 'draft',
  content: { type: 'doc', content },
});

const refTo = (sectionId: string, title = 'Alter Titel') => ({ type: 'sectionRef', attrs: { sectionId, title } });

/** A report whose first section's text refers to `targets`; the inlines of that text. */
function referencesTo(
  targets: string[],
  options: { language?: Language; mode?: 'draft' | 'final'; annexTitle?: string; rememberedTitle?: string } = {},
): RenderInline[] {
  const paragraph = { type: 'paragraph', content: [{ type: 'text', text: 'Siehe ' }, ...targets.map((id) => refTo(id, options.rememberedTitle))] };
  const model: ReportModel = {
    mode: options.mode ?? 'draft',
    language: options.language ?? 'de',
    title: 'Bericht',
    subtitle: null,
    publisher: null,
    date: '2026-11-30',
    contributors: [],
    sections: [
      section(ID.chapter, '1', 1, 'Ausgangslage', [paragraph]),
      section(ID.sub, '1.2', 2, 'Kosten'),
      section(ID.annex, null, 1, options.annexTitle ?? 'Anhang'),
    ],
  };
  const [block] = buildRenderData(model).data.sections[0].blocks;
  if (block?.k !== 'p') {
    throw new Error('expected a paragraph');
  }
  return block.c.slice(1);
}

describe('cross-references in the PDF', () => {
  it('name a chapter "Kapitel", a deeper section "Abschnitt" and an unnumbered one by its title in quotes, each linked to its heading', () => {
    expect(referencesTo([ID.chapter, ID.sub, ID.annex])).toEqual([
      { k: 'ref', to: 's0', s: ['Kapitel\u00A01'] },
      { k: 'ref', to: 's1', s: ['Abschnitt\u00A01.2'] },
      { k: 'ref', to: 's2', s: [true, 'Anhang', true] },
    ]);
  });

  it('use the report\'s language', () => {
    expect(referencesTo([ID.chapter, ID.sub], { language: 'en' }).map((ref) => ref.k === 'ref' && ref.s)).toEqual([
      ['Chapter\u00A01'],
      ['Section\u00A01.2'],
    ]);
  });

  it('say in a draft that a target is missing, with the remembered title, and link nowhere', () => {
    expect(referencesTo([ID.gone])).toEqual([{ k: 'ref', to: null, s: ['Verweis fehlt: ', true, 'Alter Titel', true] }]);
  });

  it('print only the remembered title for a missing target in a final export', () => {
    expect(referencesTo([ID.gone], { mode: 'final' })).toEqual([{ k: 'ref', to: null, s: [true, 'Alter Titel', true] }]);
  });

  it('nest a title\'s own quotation marks, typed or straight, as single ones inside the quotes around it', () => {
    const refs = referencesTo([ID.annex, ID.gone], { annexTitle: 'Glossar „Souveränität“', rememberedTitle: 'Die "Cloud" und “Open Data”' });
    expect(refs).toEqual([
      { k: 'ref', to: 's2', s: [true, 'Glossar ', false, 'Souveränität', false, true] },
      { k: 'ref', to: null, s: ['Verweis fehlt: ', true, 'Die ', false, 'Cloud', false, ' und ', false, 'Open Data', false, true] },
    ]);
  });
});
