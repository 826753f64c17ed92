import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export interface EmptyHintOptions {
  /** The hint, asked for at every drawing: the editor outlives a change of language. */
  text: () => string;
}

/**
 * "Hier schreiben …" in an empty text that can be written in: an attribute on the one empty
 * paragraph, which CSS shows (section-editor.css) with an empty alternative text, so that
 * screen readers do not read it as the text's content. Written here rather than taken from
 * @tiptap/extensions' Placeholder, which the web app does not depend on, and which marks
 * every empty line rather than only the empty text.
 */
export const EmptyHint = Extension.create<EmptyHintOptions>({
  name: 'emptyHint',

  addOptions() {
    return { text: () => '' };
  },

  addProseMirrorPlugins() {
    const { editor, options } = this;
    return [
      new Plugin({
        key: new PluginKey('emptyHint'),
        props: {
          decorations: ({ doc }) => {
            const only = doc.childCount === 1 ? doc.firstChild : null;
            if (!editor.isEditable || only === null || only.type.name !== 'paragraph' || only.content.size > 0) {
              return null;
            }
            return DecorationSet.create(doc, [
              Decoration.node(0, only.nodeSize, { class: 'section-editor__empty', 'data-hint': options.text() }),
            ]);
          },
        },
      }),
    ];
  },
});
