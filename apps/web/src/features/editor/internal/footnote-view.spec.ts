import { describe, expect, it } from '@jest/globals';
import { editorSchema } from '@kapitel/editor';
import { EditorState } from '@tiptap/pm/state';
import { footnoteNumbersPlugin, footnotesIn, numberedFootnotes } from './footnote-view';

const schema = editorSchema();
const note = (text: string) => schema.node('footnote', { text });

/** "Kosten¹ und Betrieb²." with the numbering plugin. */
function twoNotes(): EditorState {
  const paragraph = schema.node('paragraph', null, [
    schema.text('Kosten'),
    note('Quelle A'),
    schema.text(' und Betrieb'),
    note('Quelle B'),
    schema.text('.'),
  ]);
  return EditorState.create({ doc: schema.node('doc', null, [paragraph]), plugins: [footnoteNumbersPlugin()] });
}

describe('footnote numbering', () => {
  it('numbers the notes in the order of the text', () => {
    const state = twoNotes();
    expect(numberedFootnotes(state)).toEqual(footnotesIn(state.doc));
    expect(numberedFootnotes(state).map(({ number, text }) => [number, text])).toEqual([[1, 'Quelle A'], [2, 'Quelle B']]);
  });

  it('moves the numbers along with typing before them, as a count from scratch would have them', () => {
    const state = twoNotes();
    const typed = state.apply(state.tr.insertText('Die ', 1));
    expect(numberedFootnotes(typed)).toEqual(footnotesIn(typed.doc));
    expect(numberedFootnotes(typed)[0]?.pos).toBe(11);
  });

  it('counts again when a note is inserted before the others or one is deleted', () => {
    const state = twoNotes();
    const inserted = state.apply(state.tr.insert(1, note('Vorweg')));
    expect(numberedFootnotes(inserted).map(({ number, text }) => [number, text])).toEqual([
      [1, 'Vorweg'],
      [2, 'Quelle A'],
      [3, 'Quelle B'],
    ]);
    const first = footnotesIn(inserted.doc)[0]?.pos ?? -1;
    const deleted = inserted.apply(inserted.tr.delete(first, first + 1));
    expect(numberedFootnotes(deleted)).toEqual(footnotesIn(deleted.doc));
    expect(numberedFootnotes(deleted).map(({ number }) => number)).toEqual([1, 2]);
  });

  it('follows a whole-document replacement (as a remote change arrives) and a changed note text', () => {
    const state = twoNotes();
    const replaced = state.apply(state.tr.replaceWith(0, state.doc.content.size, twoNotes().doc.content).insert(1, note('Neu')));
    expect(numberedFootnotes(replaced)).toEqual(footnotesIn(replaced.doc));
    const pos = footnotesIn(replaced.doc)[1]?.pos ?? -1;
    const changed = replaced.apply(replaced.tr.setNodeAttribute(pos, 'text', 'Quelle A, S. 3'));
    expect(numberedFootnotes(changed)).toEqual(footnotesIn(changed.doc));
    expect(numberedFootnotes(changed)[1]?.text).toBe('Quelle A, S. 3');
  });
});
