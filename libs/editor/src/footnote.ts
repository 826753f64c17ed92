import { mergeAttributes, Node } from '@tiptap/core';
import { oneLine } from './one-line.js';

/** The longest footnote text: a source with its title and address fits many times over. */
export const FOOTNOTE_MAX_LENGTH = 2000;

/** A footnote's text as stored: one line of plain text within the length limit. */
export function footnoteText(raw: unknown): string {
  return oneLine(raw, FOOTNOTE_MAX_LENGTH);
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    footnote: {
      /** Inserts a footnote with `text` at the selection (replacing a selected footnote). */
      setFootnote: (text: string) => ReturnType;
    };
  }
}

/**
 * A footnote: a mark in the running text whose note the PDF sets at the foot of the page
 * (numbered through the whole report) and the editor shows as a numbered marker.
 *
 * One node with its text in an attribute, not a node with content: a leaf keeps the
 * paragraph's editing and the collaboration model as they are (a leaf is one Yjs element),
 * and the note is edited in a dialog. Concurrent edits of one note keep the last one whole.
 */
export const Footnote = Node.create({
  name: 'footnote',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addAttributes() {
    return {
      text: {
        default: '',
        // Typed by what is used: the lint's view of this package has no DOM types.
        parseHTML: (element: { getAttribute(name: string): string | null; textContent: string | null }) =>
          footnoteText(element.getAttribute('data-footnote') ?? element.textContent),
        renderHTML: () => ({}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-footnote]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const text = footnoteText(node.attrs.text);
    return ['span', mergeAttributes(HTMLAttributes, { class: 'footnote', 'data-footnote': text }), text];
  },

  // The plain text keeps the note where it stands, in brackets, so that it can be found.
  extendNodeSchema(extension) {
    return extension.name === 'footnote'
      ? { leafText: (node: { attrs: Record<string, unknown> }) => ` [${footnoteText(node.attrs.text)}]` }
      : {};
  },

  // The same words in text copied from the editor (Tiptap's clipboard text, its getText()).
  renderText({ node }) {
    return ` [${footnoteText(node.attrs.text)}]`;
  },

  addCommands() {
    return {
      setFootnote:
        (text) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { text: footnoteText(text) } }),
    };
  },
});
