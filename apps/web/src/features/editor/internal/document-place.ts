import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';

/**
 * Makes the place where an inserted document goes: an empty paragraph between the text's
 * top-level blocks, at the cursor. A document is blocks (headings, lists, tables); pasted
 * into the middle of a paragraph, a list item or a table cell, its first and last blocks would
 * melt into the text around them and its tables would stand in tables. So the selection is
 * deleted, a paragraph the cursor is in is split there (or the document goes before or after
 * it, at its start or end), and a list, table or quote the cursor is in is left whole: the
 * document follows it.
 */
export function makeRoomForDocument(editor: Editor): void {
  const { state } = editor;
  const tr = state.tr.deleteSelection();
  const $pos = tr.selection.$from;
  const paragraph = state.schema.nodes.paragraph;
  if (paragraph === undefined) {
    return;
  }
  let at: number;
  if ($pos.depth === 0) {
    at = $pos.pos;
  } else {
    const top = $pos.node(1);
    if ($pos.depth === 1 && top.isTextblock) {
      if (top.content.size === 0) {
        // Already an empty line: the document takes it (as a paragraph, whatever it was).
        editor.view.dispatch(tr.setBlockType($pos.before(1), $pos.after(1), paragraph));
        return;
      }
      if ($pos.parentOffset === 0) {
        at = $pos.before(1);
      } else if ($pos.parentOffset === top.content.size) {
        at = $pos.after(1);
      } else {
        tr.split($pos.pos);
        at = $pos.pos + 1; // between the two halves
      }
    } else {
      at = $pos.after(1);
    }
  }
  tr.insert(at, paragraph.create());
  tr.setSelection(TextSelection.create(tr.doc, at + 1));
  editor.view.dispatch(tr.scrollIntoView());
}
