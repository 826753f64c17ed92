/**
 * LaTeX as BibTeX files write it, read into Unicode text: accents, symbols, escapes, dashes,
 * quotes; formatting commands keep their argument, braces go. One pass, no recursion.
 */

const SPACE = /\s*/y;

/** The position after what `pattern` (sticky, may match nothing) matches at `at`; the readers' one step. */
export function skip(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  pattern.exec(text);
  return Math.max(pattern.lastIndex, at);
}

// LaTeX accents (`\"u`, `\c{c}`) as combining marks, in the same order: NFC makes base and mark one character.
const ACCENT_COMMANDS = '"\'`^~=.cvuHkrd';
const ACCENT_MARKS = '\u0308\u0301\u0300\u0302\u0303\u0304\u0307\u0327\u030C\u0306\u030B\u0328\u030A\u0323';
const ACCENTS = new Map([...ACCENT_COMMANDS].map((command, index) => [command, ACCENT_MARKS[index] ?? '']));

// Command words that stand for a character or a word.
const SYMBOLS = new Map(
  `ss:ß SS:SS o:ø O:Ø ae:æ AE:Æ oe:œ OE:Œ aa:å AA:Å l:ł L:Ł i:ı S:§ textsection:§ euro:€ texteuro:€
  textendash:– textemdash:— ldots:… dots:… textellipsis:… glqq:„ grqq:“ quotedblbase:„ textquotedblleft:“
  textquotedblright:” guillemotleft:« guillemotright:» TeX:TeX LaTeX:LaTeX`
    .split(/\s+/)
    .map((pair): [string, string] => [pair.slice(0, pair.indexOf(':')), pair.slice(pair.indexOf(':') + 1)]),
);

/** Control symbols that stand for themselves (`\&`) or for a space (`\,`, `\ `, `\\`). */
const ESCAPED = new Map([...'&%$_#{}'].map((c) => [c, c]));
const SPACING = new Set([' ', '\t', '\n', '\r', ',', ';', ':', '\\']);
const PLAIN = /[^\\{}$~\-`']+/y;
const LETTERS = /[A-Za-z]+/y;
const isLetter = (c: string | undefined) => c !== undefined && /^[A-Za-z]$/.test(c);

/**
 * A value in LaTeX as Unicode text: accents and known symbols become characters, escapes their
 * character, other commands vanish (their argument stays: `\emph{x}` → x), braces and `$` go,
 * `--`/`---` become dashes and `~` a no-break space.
 */
export function decodeLatex(raw: string): string {
  const out: string[] = [];
  let i = 0;
  while (i < raw.length) {
    PLAIN.lastIndex = i;
    const plain = PLAIN.exec(raw)?.[0];
    if (plain !== undefined) {
      out.push(plain);
      i += plain.length;
      continue;
    }
    const c = raw[i];
    if (c === '\\') {
      i = readCommand(raw, i + 1, out);
    } else if (c === '~') {
      out.push('\u00A0');
      i += 1;
    } else if (c === '-') {
      let end = i;
      while (raw[end] === '-') {
        end += 1;
      }
      const run = end - i;
      out.push('—'.repeat(Math.floor(run / 3)), ['', '-', '–'][run % 3] ?? '');
      i = end;
    } else if ((c === '`' || c === "'") && raw[i + 1] === c) {
      out.push(c === '`' ? '“' : '”');
      i += 2;
    } else {
      // Braces and `$` go; a single quote stays (an apostrophe).
      out.push(c === "'" || c === '`' ? c : '');
      i += 1;
    }
  }
  return out.join('');
}

/** Reads the command after a backslash at `at`, writes what it stands for; the position after it. */
function readCommand(raw: string, at: number, out: string[]): number {
  const c = raw[at];
  if (c === undefined) {
    return at;
  }
  if (!isLetter(c)) {
    const mark = ACCENTS.get(c);
    if (mark !== undefined) {
      return readAccent(raw, at + 1, mark, out);
    }
    out.push(ESCAPED.get(c) ?? (SPACING.has(c) ? ' ' : ''));
    return at + 1;
  }
  LETTERS.lastIndex = at;
  const name = LETTERS.exec(raw)?.[0] ?? c;
  const end = at + name.length;
  const mark = ACCENTS.get(name);
  if (mark !== undefined) {
    return readAccent(raw, end, mark, out);
  }
  out.push(SYMBOLS.get(name) ?? '');
  // As in TeX, white space after a command word only ends the word.
  return skip(SPACE, raw, end);
}

/** An accent's letter: `u`, `{u}`, `{\i}` or `\i`; an accent without one is dropped. */
function readAccent(raw: string, at: number, mark: string, out: string[]): number {
  let i = skip(SPACE, raw, at);
  const braced = raw[i] === '{';
  if (braced) {
    i = skip(SPACE, raw, i + 1);
  }
  let letter: string | undefined;
  if (raw[i] === '\\' && (raw[i + 1] === 'i' || raw[i + 1] === 'j') && !isLetter(raw[i + 2])) {
    letter = raw[i + 1];
    i += 2;
  } else if (isLetter(raw[i])) {
    letter = raw[i];
    i += 1;
  }
  if (braced) {
    i = skip(SPACE, raw, i);
    if (raw[i] !== '}') {
      letter = undefined;
    }
    i += 1;
  }
  if (letter === undefined) {
    return at;
  }
  out.push(`${letter}${mark}`);
  return i;
}
