import { Mark, mergeAttributes } from '@tiptap/core';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    superscript: {
      /** Raises the selection (m², 1ˢᵗ), or lowers it back to the line. */
      toggleSuperscript: () => ReturnType;
    };
    subscript: {
      /** Lowers the selection (CO₂), or raises it back to the line. */
      toggleSubscript: () => ReturnType;
    };
  }
}

/**
 * The parse rules of one of the two: the tag, and the inline style that Google Docs and some
 * Word versions write instead of it (`vertical-align: super` on a span). Other values of
 * vertical-align (baseline, middle, …) mean no mark.
 */
function scriptRules(tag: 'sup' | 'sub', align: 'super' | 'sub') {
  return [
    { tag },
    {
      style: 'vertical-align',
      // Other marks may be read from the same element's style (bold, italic).
      consuming: false,
      getAttrs: (value: string) => (value.trim().toLowerCase() === align ? null : false),
    },
  ];
}

/**
 * Superscript (`<sup>`): "m²", ordinal and reference markers. It excludes subscript: a
 * character is raised or lowered, never both, so turning one on turns the other off.
 * Ctrl+. as in Word, LibreOffice and Google Docs.
 */
export const Superscript = Mark.create({
  name: 'superscript',
  excludes: 'subscript',

  parseHTML() {
    return scriptRules('sup', 'super');
  },

  renderHTML({ HTMLAttributes }) {
    return ['sup', mergeAttributes(HTMLAttributes), 0];
  },

  addCommands() {
    return {
      toggleSuperscript:
        () =>
        ({ commands }) =>
          commands.toggleMark(this.name),
    };
  },

  addKeyboardShortcuts() {
    return { 'Mod-.': () => this.editor.commands.toggleSuperscript() };
  },
});

/** Subscript (`<sub>`): "CO₂", "H₂O". Excludes superscript; Ctrl+, as common editors have it. */
export const Subscript = Mark.create({
  name: 'subscript',
  excludes: 'superscript',

  parseHTML() {
    return scriptRules('sub', 'sub');
  },

  renderHTML({ HTMLAttributes }) {
    return ['sub', mergeAttributes(HTMLAttributes), 0];
  },

  addCommands() {
    return {
      toggleSubscript:
        () =>
        ({ commands }) =>
          commands.toggleMark(this.name),
    };
  },

  addKeyboardShortcuts() {
    return { 'Mod-,': () => this.editor.commands.toggleSubscript() };
  },
});
