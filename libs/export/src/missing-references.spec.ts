import type { ReportMode, ReportSection } from './model.js';
import { buildRenderData } from './render-data.js';
import { reportModel } from './report-model.test-support.js';

/** How many cross-references have no target (`RenderInput.missingReferences`, stored on the export job). */

const ID = {
  first: '5c000000-0000-4000-8000-000000000001',
  second: '5c000000-0000-4000-8000-000000000002',
  trashed: '5c000000-0000-4000-8000-0000000000ff',
  figure: '5d000000-0000-4000-8000-000000000001',
  deletedFigure: '5d000000-0000-4000-8000-0000000000ff',
};

const text = (value: string) => ({ type: 'text', text: value });
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const sectionRef = (sectionId: string) => ({
  type: 'sectionRef',
  attrs: { sectionId, title: 'Alter Exkurs' },
});
const figureRef = (figureId: string) => ({
  type: 'figureRef',
  attrs: { figureId, kind: 'figure', caption: 'Alte Grafik' },
});
const figure = {
  type: 'image',
  attrs: { src: 'data:image/png;base64,iVBORw0KGgo=', alt: 'Karte', caption: 'Lage', figureId: ID.figure },
};

const section = (id: string, number: string, content: unknown[]): ReportSection => ({
  id,
  number,
  title: `Kapitel ${number}`,
  depth: 1,
  state: 'approved',
  content: { type: 'doc', content },
});

/** Two chapters: the first refers to what `refs` names, the second holds the figure (a forward reference). */
function missingReferences(mode: ReportMode, refs: unknown[]): number {
  const model = reportModel([], {
    mode,
    sections: [
      section(ID.first, '1', [paragraph(text('Siehe '), ...refs)]),
      section(ID.second, '2', [figure]),
    ],
  });
  return buildRenderData(model).missingReferences;
}

describe('references whose target is missing', () => {
  it.each<ReportMode>(['draft', 'final'])(
    'counts a section in the trash and a deleted figure, in a %s export',
    (mode) => {
      const refs = [
        sectionRef(ID.second),
        sectionRef(ID.trashed),
        figureRef(ID.figure),
        figureRef(ID.deletedFigure),
      ];
      expect(missingReferences(mode, refs)).toBe(2);
    },
  );

  it('counts every reference to a missing target, also one without any id', () => {
    const refs = [
      sectionRef(ID.trashed),
      sectionRef(ID.trashed),
      figureRef(''),
      { type: 'figureRef', attrs: {} },
    ];
    expect(missingReferences('draft', refs)).toBe(4);
  });

  it.each<ReportMode>(['draft', 'final'])('is 0 when every reference resolves, in a %s export', (mode) => {
    expect(missingReferences(mode, [sectionRef(ID.first), sectionRef(ID.second), figureRef(ID.figure)])).toBe(
      0,
    );
    expect(missingReferences(mode, [])).toBe(0);
  });
});
