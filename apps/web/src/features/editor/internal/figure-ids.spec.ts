import { describe, expect, it } from '@jest/globals';
import { editorSchema } from '@kapitel/editor';
import { Slice, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { assignFigureIds, figureIdsIn, mayChangeFigures, withFreshFigureIds } from './figure-ids';

const schema = editorSchema();
const A = '0b7a4c1e-5d2f-4e8a-9c3b-6f1d2e3a4b5c';
const B = '1c8b5d2f-6e3a-4f9b-8d4c-7a2e3f4b5c6d';

const image = (caption: string | null, figureId = '') => schema.node('image', { src: '/api/images/x', alt: 'Bild', caption, figureId });
const table = (caption: string | null, figureId = '') =>
  schema.node('table', { caption, figureId }, [
    schema.node('tableRow', null, [schema.node('tableCell', null, [schema.node('paragraph', null, [schema.text('1')])])]),
  ]);
const paragraph = (words: string) => schema.node('paragraph', null, [schema.text(words)]);
const doc = (...content: ProseMirrorNode[]) => schema.node('doc', null, content);

function counter(): () => string {
  let made = 0;
  return () => {
    made += 1;
    return `00000000-0000-4000-8000-${String(made).padStart(12, '0')}`;
  };
}

function ids(node: ProseMirrorNode): string[] {
  const found: string[] = [];
  node.descendants((child) => {
    if (child.type.name === 'image' || child.type.name === 'table') {
      found.push(child.attrs.figureId as string);
    }
    return true;
  });
  return found;
}

describe('assignFigureIds()', () => {
  it('gives captioned figures without an id, and repeats of an id, fresh ones, and leaves the rest', () => {
    const state = EditorState.create({
      doc: doc(image('Karte', A), image(null), table('Kosten'), image('Kopie', A), paragraph('Text')),
    });
    const tr = assignFigureIds(state, counter());
    expect(tr === null ? null : ids(tr.doc)).toEqual([
      A,
      '',
      '00000000-0000-4000-8000-000000000001',
      '00000000-0000-4000-8000-000000000002',
    ]);
    // Not a step one undoes: it is the editor's, not the writer's.
    expect(tr?.getMeta('addToHistory')).toBe(false);
  });

  it('does nothing when every captioned figure has its own id', () => {
    const state = EditorState.create({ doc: doc(image('Karte', A), table('Kosten', B), image(null)) });
    expect(assignFigureIds(state, counter())).toBeNull();
  });
});

describe('withFreshFigureIds()', () => {
  const inDoc = doc(image('Karte', A), paragraph('Text'));

  it('gives copied figures (their id still in the text) fresh ids, images and tables alike', () => {
    const pasted = new Slice(doc(image('Karte', A), table('Kosten', A)).content, 0, 0);
    expect(ids(doc(...(withFreshFigureIds(pasted, inDoc, counter()).content.content as ProseMirrorNode[])))).toEqual([
      '00000000-0000-4000-8000-000000000001',
      '00000000-0000-4000-8000-000000000002',
    ]);
  });

  it('keeps the id of a cut and pasted figure (its id no longer in the text), so that references follow it', () => {
    const pasted = new Slice(doc(image('Plan', B)).content, 0, 0);
    expect(withFreshFigureIds(pasted, inDoc, counter())).toBe(pasted);
    expect(figureIdsIn(inDoc)).toEqual(new Set([A]));
  });
});

describe('mayChangeFigures()', () => {
  const state = EditorState.create({ doc: doc(paragraph('Text'), image(null, A)) });

  it('is false for typing in a paragraph, true for a caption given or a figure inserted', () => {
    expect(mayChangeFigures(state.tr.insertText('x', 2))).toBe(false);
    expect(mayChangeFigures(state.tr.setNodeAttribute(6, 'caption', 'Karte'))).toBe(true);
    expect(mayChangeFigures(state.tr.insert(0, image('Neu')))).toBe(true);
  });
});
