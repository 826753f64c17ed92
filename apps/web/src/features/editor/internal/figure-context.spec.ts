import { describe, expect, it } from '@jest/globals';
import type { ReportFigure } from '@kapitel/domain';
import { editorSchema } from '@kapitel/editor';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { createTranslator } from '../../../i18n/translate';
import { FIGURE_CONTEXT, figureLabels, localFigures, NO_FIGURE_CONTEXT, type FigureContext } from './figure-context';
import { figureRefsPlugin, figureRefView } from './figure-ref-view';

const schema = editorSchema();
const HERE = 'a1b2c3d4-0000-4000-8000-000000000001';
const THERE = 'a1b2c3d4-0000-4000-8000-000000000002';

const image = (caption: string | null, figureId = '') => schema.node('image', { src: '/api/images/x', alt: 'Bild', caption, figureId });
const table = (caption: string | null, figureId = '') =>
  schema.node('table', { caption, figureId }, [
    schema.node('tableRow', null, [schema.node('tableCell', null, [image('Im Tabellenfeld')])]),
  ]);
const reference = (figureId: string) => schema.node('paragraph', null, [schema.node('figureRef', { figureId, kind: 'figure', caption: 'alt' })]);
const doc = (...content: ProseMirrorNode[]) => schema.node('doc', null, content);

const sections = [
  { id: 'one', number: '1', title: 'Ausgangslage', depth: 1 },
  { id: 'two', number: '2', title: 'Kosten', depth: 1 },
];
const elsewhere: ReportFigure = {
  figureId: THERE,
  kind: 'figure',
  number: 1,
  caption: 'Lageplan',
  sectionId: 'one',
  sectionNumber: '1',
  sectionTitle: 'Ausgangslage',
};
const context: FigureContext = {
  ...NO_FIGURE_CONTEXT,
  report: { figures: [elsewhere, { ...elsewhere, figureId: 'x', kind: 'table', caption: 'Einwohner' }], sections, sectionId: 'two' },
  words: createTranslator('en'),
};

describe('localFigures()', () => {
  it('finds the captioned figures in the order the PDF counts them, nested ones where they stand', () => {
    const found = localFigures(doc(image('Karte', HERE), image(null), table('Kosten')));
    expect(found.map(({ kind, caption, figureId }) => [kind, caption, figureId])).toEqual([
      ['figure', 'Karte', HERE],
      ['table', 'Kosten', ''],
      ['figure', 'Im Tabellenfeld', ''],
    ]);
  });
});

describe('figureLabels()', () => {
  const text = doc(image('Karte', HERE), table('Kosten'));

  it('numbers the text\'s figures after those of the sections before, in the report\'s language', () => {
    expect([...figureLabels(text, context).values()]).toEqual(['Figure 2', 'Table 2', 'Figure 3']);
  });

  it('gives no numbers while the report\'s figures are unknown', () => {
    expect(figureLabels(text, NO_FIGURE_CONTEXT).size).toBe(0);
  });
});

describe('figureRefsPlugin', () => {
  it('knows the targets from the report and the live text, and follows the text as figures come', () => {
    let state = EditorState.create({ doc: doc(reference(THERE), reference(HERE)), plugins: [figureRefsPlugin()] });
    expect(figureRefView(state).targets).toBeNull();
    state = state.apply(state.tr.setMeta(FIGURE_CONTEXT, context));
    expect([...(figureRefView(state).targets?.keys() ?? [])]).toEqual([THERE, 'x']);
    // A captioned image with the id arrives in the text: the reference to it is found.
    state = state.apply(state.tr.insert(state.doc.content.size, image('Karte', HERE)));
    expect(figureRefView(state).targets?.get(HERE)).toMatchObject({ number: 2, here: true, caption: 'Karte' });
    // Its caption removed: it is no figure any more, and the reference misses it.
    const at = localFigures(state.doc)[0]?.pos ?? -1;
    state = state.apply(state.tr.setNodeAttribute(at, 'caption', null));
    expect(figureRefView(state).targets?.has(HERE)).toBe(false);
  });
});
