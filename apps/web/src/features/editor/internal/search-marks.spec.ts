import { describe, expect, it } from '@jest/globals';
import { editorSchema } from '@kapitel/editor';
import { Slice } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { movedAnchor, stepped } from './search-marks';

const schema = editorSchema();

/** A document of one paragraph per text. */
function stateOf(...texts: string[]): EditorState {
  return EditorState.create({ doc: schema.node('doc', null, texts.map((text) => schema.node('paragraph', null, text === '' ? [] : [schema.text(text)]))) });
}

describe('movedAnchor()', () => {
  // "Vorwort. Radverkehr wächst." — the anchor at "Radverkehr" (position 10).
  const state = stateOf('Vorwort. Radverkehr wächst.');
  const anchor = 10;

  it('moves along with text inserted or deleted before it', () => {
    expect(movedAnchor(state.tr.insertText('Neu: ', 1), anchor)).toBe(15);
    expect(movedAnchor(state.tr.delete(1, 10), anchor)).toBe(1);
  });

  it('stays where it is for changes after it', () => {
    expect(movedAnchor(state.tr.insertText(' Mehr.', 28), anchor)).toBe(10);
  });

  it('goes to the start of a change around it', () => {
    expect(movedAnchor(state.tr.insertText('Fußverkehr', 10, 20), anchor)).toBe(10);
    expect(movedAnchor(state.tr.delete(5, 15), anchor)).toBe(5);
  });

  it('follows a collaborator’s edit that arrives as one replacement of the whole document', () => {
    const edited = stateOf('Neu: Vorwort. Radverkehr wächst.');
    const tr = state.tr.replace(0, state.doc.content.size, new Slice(edited.doc.content, 0, 0));
    // The transaction's own mapping would send every position to the end.
    expect(tr.mapping.map(anchor, 1)).toBe(tr.doc.content.size);
    expect(movedAnchor(tr, anchor)).toBe(15);
  });

  it('counts a repeated letter typed before it once', () => {
    const repeated = stateOf('aa Radverkehr');
    expect(movedAnchor(repeated.tr.insertText('a', 1), 4)).toBe(5);
    expect(movedAnchor(repeated.tr.delete(1, 2), 4)).toBe(3);
  });
});

describe('stepped()', () => {
  const at = (...starts: number[]) => starts.map((from) => [{ from, to: from + 3, leaf: false }]);
  const matches = at(5, 20, 40);

  it('starts at the first match, or without an anchor', () => {
    expect(stepped(matches, 20, 'first')).toBe(0);
    expect(stepped(matches, null, 'next')).toBe(0);
  });

  it('follows the current match, or the next one when it is gone, or the last when none is left after it', () => {
    expect(stepped(matches, 20, 'follow')).toBe(1);
    expect(stepped(matches, 25, 'follow')).toBe(2);
    expect(stepped(matches, 50, 'follow')).toBe(2);
  });

  it('steps forward and back, wrapping round at both ends', () => {
    expect(stepped(matches, 20, 'next')).toBe(2);
    expect(stepped(matches, 40, 'next')).toBe(0);
    expect(stepped(matches, 20, 'previous')).toBe(0);
    expect(stepped(matches, 5, 'previous')).toBe(2);
  });
});
