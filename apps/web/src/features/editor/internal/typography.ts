import { isCodeLike, type Language } from '@kapitel/domain';
import { Extension, InputRule, textInputRule } from '@tiptap/core';

/** The opening and closing double quotes of a report language, as its print has them (libs/export). */
const DOUBLE_QUOTES: Record<Language, readonly [string, string]> = {
  de: ['„', '“'],
  en: ['“', '”'],
};

/** The opening and closing single quotes: a quotation inside a quotation. */
const SINGLE_QUOTES: Record<Language, readonly [string, string]> = {
  de: ['‚', '‘'],
  en: ['‘', '’'],
};

/** The apostrophe ("geht’s", "Kapitel’s"), the same in both languages. */
const APOSTROPHE = '’';

/**
 * What a typed `'` becomes after `line` (the paragraph's text before it): an opening single
 * quote where a quote opens; the closing one while a single quotation is open in the
 * paragraph; else an apostrophe. (German closes with ‘, so "geht's" must not become "geht‘s".)
 */
export function singleQuote(line: string, language: Language): string {
  const [open, close] = SINGLE_QUOTES[language];
  if (OPENS_AFTER.test(line.slice(-1))) {
    return open;
  }
  return line.lastIndexOf(open) > line.lastIndexOf(close) ? close : APOSTROPHE;
}

/** The word being typed before `at`: the text of its paragraph since the last space. */
function tokenBefore(state: { doc: { resolve(pos: number): { start(): number }; textBetween(from: number, to: number, block: string, leaf: string): string } }, at: number): string {
  const line = state.doc.textBetween(state.doc.resolve(at).start(), at, '\n', '\ufffc');
  return line.slice(line.search(/\S*$/));
}

/** After these (or at the start of a paragraph) a quote opens; after anything else it closes. */
const OPENS_AFTER = /^$|[\s([{\u2013\u2014/-]$/;

/**
 * Typography as one types, the way word processors do it, so that the text on screen looks like
 * the PDF: a typed `"` becomes the report language's opening or closing quote („…“ in German,
 * “…” in English), a typed `'` a single quote (‚…‘, ‘…’) or an apostrophe (singleQuote), a
 * hyphen or two after a space a dash ("a - b", "a -- b" → "a – b"), three dots an ellipsis
 * (…), except inside an address or code-like word (isCodeLike). Backspace right after
 * undoes the change (Tiptap's undoInputRule). Pasted text is left as it is; the PDF sets its
 * straight quotes, lone and double hyphens and three dots the same way (libs/export text.ts).
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
          if (isCodeLike(tokenBefore(state, range.from))) {
            return null;
          }
          const before = state.doc.textBetween(Math.max(range.from - 1, 0), range.from, '\n', '\ufffc');
          const [open, close] = DOUBLE_QUOTES[this.options.language()];
          state.tr.insertText(OPENS_AFTER.test(before) ? open : close, range.from, range.to);
        },
      }),
      new InputRule({
        find: /'$/,
        handler: ({ state, range }) => {
          const line = state.doc.textBetween(state.doc.resolve(range.from).start(), range.from, '\n', '\ufffc');
          if (isCodeLike(tokenBefore(state, range.from))) {
            return null;
          }
          state.tr.insertText(singleQuote(line, this.options.language()), range.from, range.to);
        },
      }),
      // Only between words: "- " at a paragraph's start stays the bullet list's shortcut.
      textInputRule({ find: /\S\s(-)\s$/, replace: '\u2013' }),
      // Two hyphens after a space, as word processors take them ("a -- b"); "config--old" stays.
      textInputRule({ find: /(?:^|\s)(--)$/, replace: '\u2013' }),
      new InputRule({
        find: /\.\.\.$/,
        handler: ({ state, range }) => {
          // Not in an address or after a digit ("v1.2...v1.3"): there the dots mean something.
          const token = tokenBefore(state, range.from);
          if (isCodeLike(token) || /\d$/.test(token)) {
            return null;
          }
          state.tr.insertText('…', range.from, range.to);
        },
      }),
    ];
  },
});
