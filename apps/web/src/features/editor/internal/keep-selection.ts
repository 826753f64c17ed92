import type { Editor } from '@tiptap/core';

// Editors already waiting for their text's next focus; one listener each is enough.
const pending = new WeakSet<Editor>();

/**
 * A toolbar command run from the keyboard leaves the focus in the toolbar (WAI-ARIA toolbar
 * pattern), so the cursor it moved (into a new table's first cell, say) exists only in the
 * editor's state. When focus comes back, the browser restores the caret it remembers in the
 * text and ProseMirror takes that over: what the user types lands where the cursor was
 * before the command. So the next keyboard focus of the text writes the state's selection
 * to the page first. A pointer press cancels it: there the click decides where the caret
 * goes.
 */
export function keepSelectionForReturn(editor: Editor): void {
  if (pending.has(editor)) {
    return;
  }
  const dom = editor.view.dom;
  const done = (): void => {
    dom.removeEventListener('focus', restore);
    dom.removeEventListener('pointerdown', done, true);
    pending.delete(editor);
  };
  const restore = (): void => {
    done();
    if (!editor.isDestroyed) {
      // ProseMirror's focus() writes the state's selection to the DOM.
      editor.view.focus();
    }
  };
  dom.addEventListener('focus', restore);
  dom.addEventListener('pointerdown', done, true);
  pending.add(editor);
}
