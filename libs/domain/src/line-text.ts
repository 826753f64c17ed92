/**
 * What one line of text a person reads as a name may hold: the titles of projects and
 * sections, a publisher, people's names and organisations, labels and list entries. One rule
 * for all of them (docs/architecture.md, "Text fields").
 */

// C0 and C1 control characters, tabs and line breaks included (also Unicode's line and
// paragraph separators): a name is one line.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/u;
// Explicit direction embeddings, overrides and isolates: "abc\u202Edcba" shows as "abcabcd",
// so a name could pass for another one. Text keeps its natural direction without them.
const DIRECTION_CONTROL = /[\u202A-\u202E\u2066-\u2069]/gu;
// What prints nothing on its own: spaces of any kind, the zero-width characters (U+200B–U+200D,
// U+2060, U+FEFF), which `trim()` does not remove, blank-looking letters (Braille blank, the
// Hangul fillers) and combining marks with nothing to sit on.
const INVISIBLE = /^[\s\u200B-\u200D\u2060\uFEFF\u2800\u115F\u1160\u3164\uFFA0\p{M}]*$/u;

const MESSAGES = {
  control: 'must not contain control characters',
  direction: 'must not contain text direction controls',
  invisible: 'must not be empty (it holds only invisible characters)',
} as const;

/** Which rule of `lineTextProblem` a refusal's message names (for a page to say it in its language), or null. */
export function lineTextRule(message: string): keyof typeof MESSAGES | null {
  return (Object.keys(MESSAGES) as Array<keyof typeof MESSAGES>).find((rule) => message.includes(MESSAGES[rule])) ?? null;
}

/** `value` without direction controls and, when nothing visible is left, '' (a title taken from a document). */
export function visibleLineText(value: string): string {
  const plain = value.replace(DIRECTION_CONTROL, '');
  return INVISIBLE.test(plain) ? '' : plain.trim();
}

/**
 * Whether a word is an address or code-like ("https://…", "www.…", "a/b", "x=", "name@host"):
 * its quotes, dots and hyphens stay as typed, in the editor's typography and in print.
 */
export function isCodeLike(word: string): boolean {
  return /:\/\/|^www\.|[/=@\\<>{}|]/.test(word);
}

/**
 * Why `value` cannot be a one-line name called `field`, or null when it can. Length and
 * emptiness ('') are left to the field's own rules; a text of invisible characters only is
 * refused as empty, since it would show as nothing.
 */
export function lineTextProblem(field: string, value: string): string | null {
  if (CONTROL.test(value)) {
    return `${field} ${MESSAGES.control} (tabs and line breaks included)`;
  }
  if (value.search(DIRECTION_CONTROL) >= 0) {
    return `${field} ${MESSAGES.direction} (U+202A–U+202E, U+2066–U+2069)`;
  }
  if (value !== '' && INVISIBLE.test(value)) {
    return `${field} ${MESSAGES.invisible}`;
  }
  return null;
}
