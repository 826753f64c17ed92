import { Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/**
 * While the editor is read-only, no local change reaches the document: only changes that
 * arrive from the server pass. Without this, helpers that tidy the document after every
 * transaction (StarterKit's trailing paragraph after a final heading, list or table) would
 * write into the Yjs document of someone who may not edit; the server discards such
 * writes, and the client would believe it holds unsaved edits.
 */
export const ReadOnlyGuard = Extension.create({
  name: 'readOnlyGuard',

  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        key: new PluginKey('readOnlyGuard'),
        filterTransaction: (transaction) => editor.isEditable || !transaction.docChanged || isChangeOrigin(transaction),
      }),
    ];
  },
});
