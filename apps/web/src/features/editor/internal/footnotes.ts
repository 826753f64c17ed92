import type { Editor } from '@tiptap/core';
import { footnoteText } from '@kapitel/editor';
import { NodeSelection } from '@tiptap/pm/state';
import { footnotesIn, type FootnoteAt } from './footnote-view';

/** What the footnote dialog is open for: a new note at the cursor, or one in the text. */
export type FootnoteRequest = { mode: 'insert' } | ({ mode: 'edit' } & FootnoteAt);

/** The footnote the selection holds (a click on a marker selects it), if any. */
export function selectedFootnote(editor: Editor): FootnoteAt | null {
  const { selection } = editor.state;
  if (!(selection instanceof NodeSelection) || selection.node.type.name !== 'footnote') {
    return null;
  }
  return footnotesIn(editor.state.doc).find((note) => note.pos === selection.from) ?? null;
}

/**
 * Where the footnote the dialog was opened for stands now. Others type meanwhile, so its
 * position may have moved: it is the note of that text nearest to where it was. Null when
 * nobody's note has that text any more (deleted or changed by someone else).
 */
function current(editor: Editor, wanted: FootnoteAt): FootnoteAt | null {
  const candidates = footnotesIn(editor.state.doc).filter((note) => note.text === wanted.text);
  let best: FootnoteAt | null = null;
  for (const note of candidates) {
    if (best === null || Math.abs(note.pos - wanted.pos) < Math.abs(best.pos - wanted.pos)) {
      best = note;
    }
  }
  return best;
}

/*
 * No `focus()` in these chains: the dialog gives the text its focus back as it closes, at
 * once, whereas Tiptap's focus() writes the selection of the moment to the page a frame
 * later, over any cursor move made in between.
 */

/** Inserts a note with `text` at the cursor; returns its number, or null when nothing was inserted. */
export function insertFootnote(editor: Editor, text: string): number | null {
  const clean = footnoteText(text);
  if (clean === '' || !editor.chain().setFootnote(clean).run()) {
    return null;
  }
  const before = editor.state.selection.from - 1;
  return footnotesIn(editor.state.doc).find((note) => note.pos === before)?.number ?? null;
}

/** Gives the note of `request` the text `text`; false when it is gone. */
export function changeFootnote(editor: Editor, request: FootnoteAt, text: string): boolean {
  const note = current(editor, request);
  const clean = footnoteText(text);
  if (note === null || clean === '') {
    return false;
  }
  return editor
    .chain()
    .command(({ tr }) => {
      tr.setNodeAttribute(note.pos, 'text', clean);
      return true;
    })
    .run();
}

/** Deletes the note of `request`; false when it is gone already. */
export function removeFootnote(editor: Editor, request: FootnoteAt): boolean {
  const note = current(editor, request);
  if (note === null) {
    return false;
  }
  return editor
    .chain()
    .command(({ tr }) => {
      tr.delete(note.pos, note.pos + 1);
      return true;
    })
    .run();
}
