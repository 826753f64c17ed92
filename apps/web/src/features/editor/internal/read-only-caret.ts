import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

type Move = {
  direction: 'backward' | 'forward';
  granularity: 'character' | 'word' | 'line' | 'lineboundary' | 'documentboundary';
};

/** The move a navigation key makes, as `Selection.modify` takes it; null for other keys. */
function moveOf(event: KeyboardEvent): Move | null {
  const word = event.ctrlKey || event.altKey;
  switch (event.key) {
    case 'ArrowLeft':
      return { direction: 'backward', granularity: word ? 'word' : 'character' };
    case 'ArrowRight':
      return { direction: 'forward', granularity: word ? 'word' : 'character' };
    case 'ArrowUp':
      return { direction: 'backward', granularity: 'line' };
    case 'ArrowDown':
      return { direction: 'forward', granularity: 'line' };
    case 'Home':
      return { direction: 'backward', granularity: event.ctrlKey ? 'documentboundary' : 'lineboundary' };
    case 'End':
      return { direction: 'forward', granularity: event.ctrlKey ? 'documentboundary' : 'lineboundary' };
    default:
      return null;
  }
}

/** Puts a caret at the start of the text when the browser's selection is not in it yet. */
function caretIntoText(view: EditorView): Selection | null {
  const selection = view.dom.ownerDocument.getSelection();
  if (selection === null) {
    return null;
  }
  if (selection.rangeCount === 0 || !view.dom.contains(selection.anchorNode)) {
    const walker = view.dom.ownerDocument.createTreeWalker(view.dom, NodeFilter.SHOW_TEXT);
    const first = walker.nextNode();
    selection.collapse(first ?? view.dom, 0);
  }
  return selection;
}

/**
 * A read-only text (a reviewer's, a reader's, a section in review) is focusable but has no
 * caret: the browser moves none through text that cannot be edited, so Shift+arrows selected
 * nothing, and a keyboard user could not comment on a passage (Ctrl+Alt+M) or suggest a
 * change. Here the arrow keys, Home and End (with Shift to select, with Ctrl by word or to the
 * text's ends) move the browser's selection in the text; ProseMirror takes it over as its own.
 */
export const ReadOnlyCaret = Extension.create({
  name: 'readOnlyCaret',

  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        key: new PluginKey('readOnlyCaret'),
        props: {
          handleDOMEvents: {
            keydown: (view, event) => {
              const move = editor.isEditable || event.metaKey ? null : moveOf(event);
              const selection = move === null ? null : caretIntoText(view);
              if (move === null || selection === null) {
                return false;
              }
              event.preventDefault();
              selection.modify(event.shiftKey ? 'extend' : 'move', move.direction, move.granularity);
              return true;
            },
          },
        },
      }),
    ];
  },
});
