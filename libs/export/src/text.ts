import { isCodeLike } from '@kapitel/domain';
/** Runs without a space longer than this get invisible break opportunities. */
export const LONG_RUN = 60;
/** Distance between the break opportunities inserted into a long run. */
export const BREAK_EVERY = 30;
/** U+200B ZERO WIDTH SPACE: a line may break here; it prints nothing. */
export const BREAK_OPPORTUNITY = '\u200B';

// C0 and C1 control characters and DEL; tab, line feed and carriage return are handled apart.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LINE_AND_TAB = /[\t\n\r\u2028\u2029]/g;
// Explicit direction embeddings, overrides and isolates: a title ending in an unclosed
// "right-to-left override" turned the rest of its contents line around, page number and all.
// Without them every piece of text still keeps its natural direction (Arabic stays right to left).
const DIRECTION_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * User text as it may be printed: control characters (direction controls too) removed, tabs and line breaks turned
 * into spaces (a hard break is its own node), and invisible break opportunities inside
 * runs without spaces that could not wrap otherwise.
 */
export function cleanText(text: string): string {
  const plain = text.replace(LINE_AND_TAB, ' ').replace(CONTROL, '').replace(DIRECTION_CONTROL, '');
  // Two spaces typed by mistake would print as a gap; a no-break space stays as typed.
  return breakLongRuns(dashes(plain.replace(/ {2,}/g, ' ')));
}

/**
 * A hyphen or two standing alone between spaces ("gewachsen - das zeigt", "gut -- oder") is
 * a dash in print: the en dash of German and British typesetting, as the editor sets it
 * while one types; three dots after a word are an ellipsis. Hyphens in words ("Sonn- und
 * Feiertage", "E-Mail", "config--old"), before numbers ("-5 °C"), and dots in addresses or
 * after a digit ("v1.2...v1.3") stay. A dash between words is bound to the word before it
 * by a no-break space: a line may end after the dash, never begin with it.
 */
export function dashes(text: string): string {
  return text
    .replace(/(^|\s)--?(?=\s|$)/g, '$1\u2013')
    .replace(/(?<=\S) (?=[\u2013\u2014](?:\s|$))/g, '\u00A0')
    // Word by word only where there are dots to look at: this runs over every text of a report.
    .replace(/\S*\.\.\.\S*/g, (word) => (isCodeLike(word) ? word : word.replace(/(?<![.\d])\.\.\.(?!\.)/g, '\u2026')));
}

/** Inserts U+200B every BREAK_EVERY code points into runs of more than LONG_RUN non-space characters. */
export function breakLongRuns(text: string): string {
  return text.replace(/\S+/gu, (run) => {
    const chars = Array.from(run);
    if (chars.length <= LONG_RUN) {
      return run;
    }
    let out = '';
    chars.forEach((char, index) => {
      if (index > 0 && index % BREAK_EVERY === 0) {
        out += BREAK_OPPORTUNITY;
      }
      out += char;
    });
    return out;
  });
}

/** A piece of inline text: literal text, or a straight quote that the template typesets per language. */
export type TextPiece = { kind: 'text'; text: string } | { kind: 'quote'; double: boolean };

/**
 * Splits text at straight quotes, which become Typst smart quotes („…“ in German, “…” in
 * English). Typed typographic quotes stay as they are.
 */
export function splitQuotes(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let current = '';
  for (const char of text) {
    if (char === '"' || char === "'") {
      if (current) {
        pieces.push({ kind: 'text', text: current });
        current = '';
      }
      pieces.push({ kind: 'quote', double: char === '"' });
    } else {
      current += char;
    }
  }
  if (current) {
    pieces.push({ kind: 'text', text: current });
  }
  return pieces;
}
