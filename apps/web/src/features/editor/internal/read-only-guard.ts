import { Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/**
 * While the editor is read-only, no local change reaches the document: only changes that
 * arrive from the server pass. Without this, helpers that tidy the document after every
 * transaction (StarterKit's trailing paragraph after a final heading, list or table) would
 * write into the Yjs document of someone who may not edit; the server discards such
 * writes, and the client would believe it holds unsaved edits. Keys typed on by a writer
 * whose text just turned read-only do nothing (no scrolling).
 */
export const ReadOnlyGuard = Extension.create({
  name: 'readOnlyGuard',

  addProseMirrorPlugins() {
    const editor = this.editor;
    // Whether this person has typed here: the text may turn read-only under their fingers.
    let wrote = false;
    return [
      new Plugin({
        key: new PluginKey('readOnlyGuard'),
        filterTransaction: (transaction) => {
          if (!transaction.docChanged || isChangeOrigin(transaction)) {
            return true;
          }
          wrote ||= editor.isEditable;
          return editor.isEditable;
        },
        props: {
          handleDOMEvents: {
            // Typing on into text that just turned read-only (submitted, approved, a role
            // changed): each space would scroll the page down (the browser's default in a
            // read-only page), away from the notice that says what happened to the words.
            keydown: (_view, event) => {
              const typing = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
              if (wrote && typing && !editor.isEditable) {
                event.preventDefault();
                return true;
              }
              return false;
            },
          },
        },
      }),
    ];
  },
});
