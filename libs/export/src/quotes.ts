import type { Pieces } from './render-data.js';

/** Opening and closing marks, double and single, per report language. */
const MARKS: Record<string, { double: [string, string]; single: [string, string] }> = {
  de: { double: ['\u201E', '\u201C'], single: ['\u201A', '\u2018'] }, // „…“ ‚…‘
  en: { double: ['\u201C', '\u201D'], single: ['\u2018', '\u2019'] }, // “…” ‘…’
};
const APOSTROPHE = '\u2019';
const OPENING_BRACKET = /[([{]/;
const MAX_OPEN = 32; // a hostile run of quotes cannot grow the stack without bound

/**
 * Straight quotes of the render data (`true`/`false` pieces) as typographic marks, decided the
 * way Typst's `smartquote` decides them for the PDF (its SmartQuoter), so that the ODT and the
 * PDF of one report print the same marks: after a digit a prime, a single quote after a letter
 * an apostrophe ("und's"), a quote of the kind opened last closes it unless it follows a space
 * or an opening bracket, and anything else opens. One quoter serves one paragraph.
 */
export class Quoter {
  private readonly stack: boolean[] = [];
  private before = ' ';

  constructor(private readonly lang: string) {}

  /** The pieces as text; remembers the last character for the pieces that follow in the paragraph. */
  pieces(pieces: Pieces): string {
    let out = '';
    for (const piece of pieces) {
      const next = typeof piece === 'string' ? piece : this.quote(piece);
      out += next;
      this.after(next);
    }
    return out;
  }

  /** Notes text the paragraph printed without quotes of its own (a number, a line break). */
  after(printed: string): void {
    const last = Array.from(printed).pop();
    if (last !== undefined) {
      this.before = last;
    }
  }

  private quote(double: boolean): string {
    const marks = (MARKS[this.lang] ?? MARKS.de)[double ? 'double' : 'single'];
    const opened = this.stack[this.stack.length - 1];
    const before = this.before;
    if (/\p{N}/u.test(before) && opened !== double) {
      return double ? '\u2033' : '\u2032';
    }
    if (!double && opened !== false && /\p{Alphabetic}/u.test(before)) {
      return APOSTROPHE;
    }
    if (opened === double && !/\s/u.test(before) && !OPENING_BRACKET.test(before)) {
      this.stack.pop();
      return marks[1];
    }
    if (this.stack.length < MAX_OPEN) {
      this.stack.push(double);
    }
    return marks[0];
  }
}
