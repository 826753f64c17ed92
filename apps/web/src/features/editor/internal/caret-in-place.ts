import { Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { Plugin, PluginKey, TextSelection, type EditorState } from '@tiptap/pm/state';
import { relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { bindingOf } from './passage-anchors';

/**
 * Where the caret's Yjs position, taken before the change, lies in the new text: null when
 * its block was deleted (a block moved by drag and drop is deleted and inserted anew; there
 * y-tiptap's own recovery is the right one).
 */
function yjsCaret(state: EditorState): number | null {
  const binding = bindingOf(state);
  const before = binding?.beforeTransactionSelection;
  if (
    binding === null ||
    before === undefined ||
    before === null ||
    before.type !== 'text' ||
    before.anchor === null
  ) {
    return null;
  }
  const place = Y.createAbsolutePositionFromRelativePosition(
    before.anchor as Y.RelativePosition,
    binding.doc,
  );
  if (place === null || place.type._item?.deleted === true) {
    return null;
  }
  return relativePositionToAbsolutePosition(binding.doc, binding.type, before.anchor, binding.mapping);
}

/**
 * After a change from the others, y-tiptap (3.0.9) checks a caret at the start of a block
 * against the block's text and, finding a block with the same text earlier, moves the caret
 * there. Two empty paragraphs have the same text: when a co-author adds an empty paragraph
 * above yours, your caret jumped into theirs and what you typed next landed there (and
 * theirs in yours). This puts the caret back where its Yjs position says, in that one case:
 * a caret at a block's start, whose Yjs position lies at the start of a block with the same text.
 */
export const CaretInPlace = Extension.create({
  name: 'caretInPlace',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('caretInPlace'),
        appendTransaction: (transactions, oldState, newState) => {
          const old = oldState.selection;
          if (
            !transactions.some(isChangeOrigin) ||
            !(old instanceof TextSelection) ||
            !old.empty ||
            old.$from.parentOffset !== 0
          ) {
            return null;
          }
          const pos = yjsCaret(newState);
          if (pos === null || pos === newState.selection.from || pos < 0 || pos > newState.doc.content.size) {
            return null;
          }
          const $pos = newState.doc.resolve(pos);
          if (
            !$pos.parent.isTextblock ||
            $pos.parentOffset !== 0 ||
            $pos.parent.textContent !== old.$from.parent.textContent
          ) {
            return null;
          }
          return newState.tr
            .setSelection(TextSelection.create(newState.doc, pos))
            .setMeta('addToHistory', false);
        },
      }),
    ];
  },
});
