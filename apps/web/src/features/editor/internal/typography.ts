import type { Language } from '@kapitel/domain';
import { Extension, InputRule, textInputRule } from '@tiptap/core';

/** The opening and closing double quotes of a report language, as its print has them (libs/export). */
const DOUBLE_QUOTES: Record<Language, readonly [string, string]> = {
  de: ['„', '“'],
  en: ['“', '”'],
};

/** After these (or at the start of a paragraph) a quote opens; after anything else it closes. */
const OPENS_AFTER = /^$|[\s([{\u2013\u2014/-]$/;

/**
 * Typography as one types, the way word processors do it, so that the text on screen looks like
 * the PDF: a typed `"` becomes the report language's opening or closing quote („…“ in German,
 * “…” in English), and a hyphen between spaces a dash ("a - b" → "a – b"). Backspace right after
 * undoes the change (Tiptap's undoInputRule). Pasted text is left as it is; the PDF sets its
 * straight quotes and lone hyphens the same way (libs/export text.ts).
 */
export const Typography = Extension.create<{ language: () => Language }>({
  name: 'typography',

  addOptions() {
    return { language: () => 'de' };
  },

  addInputRules() {
    return [
      new InputRule({
        find: /"$/,
        handler: ({ state, range }) => {
          const before = state.doc.textBetween(Math.max(range.from - 1, 0), range.from, '\n', '\ufffc');
          const [open, close] = DOUBLE_QUOTES[this.options.language()];
          state.tr.insertText(OPENS_AFTER.test(before) ? open : close, range.from, range.to);
        },
      }),
      // Only between words: "- " at a paragraph's start stays the bullet list's shortcut.
      textInputRule({ find: /\S\s(-)\s$/, replace: '\u2013' }),
    ];
  },
});
