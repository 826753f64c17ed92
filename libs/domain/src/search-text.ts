/**
 * How the report's search compares text (docs/search.md). Both the query and the text are
 * folded one character at a time: lower case, without diacritics (é is e) except that ä, ö
 * and ü stay themselves, ß as ss, white space runs as one space, soft hyphens and zero-width
 * characters left out. The folded query then becomes a pattern in which a, o and u also
 * match their umlaut, ä, ö and ü also match the plain letter and ae, oe, ue, and ae, oe, ue
 * also match ä, ö, ü: "Muller", "Mueller" and "Müller" find "Müller", "Müller" finds
 * "Mueller", but "Bauer" does not find "Baurecht". A match is mapped back onto the original.
 * The server finds matches with it, and the web app marks them (titles, snippets, the
 * editor) with the same rule.
 */

/** A text as search compares it, with the way back to the original. */
export interface FoldedText {
  /** The folded text. */
  readonly text: string;
  /**
   * For each UTF-16 unit of `text`: where the original character it comes from starts.
   * Characters left out (a combining accent, a soft hyphen, more white space) belong to the
   * one before them, so that a match takes them along.
   */
  readonly starts: readonly number[];
  /** The original text's length. */
  readonly length: number;
}

/** A match in the original text: `text.slice(start, end)`. */
export interface TextRange {
  start: number;
  end: number;
}

// Invisible in print and on screen, but typed or pasted into words: a soft hyphen splits
// "Gemein­de" for the line break, and the search must still find "Gemeinde".
const IGNORED = /^[\u00AD\u200B-\u200D\u2060\uFEFF]$/u;
const WHITE_SPACE = /^\s$/u;
const MARKS = /\p{M}/gu;
const DIAERESIS = '\u0308';
// Distinct characters in German text are few; the cap only keeps an unusual text (thousands of
// different CJK characters) from growing the cache for ever.
const CACHE_LIMIT = 4096;
const cache = new Map<number, string>();

/** The German umlauts and the letters they are written as without one (ä as a or ae). */
const UMLAUT_OF: Readonly<Record<string, string>> = { a: 'ä', o: 'ö', u: 'ü' };
const PLAIN_OF: Readonly<Record<string, string>> = { ä: 'a', ö: 'o', ü: 'u' };

/** A lower-case character without its diacritics, except the umlaut of a, o and u. */
function withoutAccents(lower: string): string {
  const decomposed = lower.normalize('NFD');
  const plain = decomposed.replace(MARKS, '');
  // "ǖ" (ü with a macron) is still a ü; "ë" and "ï" are no German umlauts and lose theirs.
  return decomposed.includes(DIAERESIS) && UMLAUT_OF[plain] !== undefined ? (UMLAUT_OF[plain] ?? plain) : plain;
}

function foldCodePoint(codePoint: number): string {
  if (codePoint < 0x80) {
    if (codePoint >= 0x41 && codePoint <= 0x5a) {
      return String.fromCharCode(codePoint + 0x20);
    }
    return codePoint === 0x20 || (codePoint >= 0x09 && codePoint <= 0x0d) ? ' ' : String.fromCharCode(codePoint);
  }
  const known = cache.get(codePoint);
  if (known !== undefined) {
    return known;
  }
  const char = String.fromCodePoint(codePoint);
  let folded: string;
  if (IGNORED.test(char)) {
    folded = ''; // before white space: \s counts U+FEFF, which is invisible
  } else if (WHITE_SPACE.test(char)) {
    folded = ' ';
  } else {
    // Per character, never per text: lower-casing a whole text treats a final sigma
    // differently, and the positions must map back one character at a time.
    folded = withoutAccents(char.toLowerCase()).replace(/ß/g, 'ss').replace(/ς/g, 'σ');
  }
  if (cache.size < CACHE_LIMIT) {
    cache.set(codePoint, folded);
  }
  return folded;
}

/** Folds `original` for comparison (see the file's comment), keeping where each part came from. */
export function foldForSearch(original: string): FoldedText {
  let text = '';
  const starts: number[] = [];
  let lastWasSpace = false;
  let index = 0;
  while (index < original.length) {
    const codePoint = original.codePointAt(index) ?? 0;
    let folded = foldCodePoint(codePoint);
    if (folded === ' ' && lastWasSpace) {
      folded = '';
    }
    // A decomposed umlaut ("u" and a combining diaeresis, as some systems write it) is a ü:
    // the mark is left out like any other, but makes the letter before it an umlaut.
    const umlaut = codePoint === 0x308 ? UMLAUT_OF[text.charAt(text.length - 1)] : undefined;
    if (umlaut !== undefined) {
      text = text.slice(0, -1) + umlaut;
    }
    if (folded !== '') {
      text += folded;
      for (let unit = 0; unit < folded.length; unit += 1) {
        starts.push(index);
      }
      lastWasSpace = folded === ' ';
    }
    index += codePoint > 0xffff ? 2 : 1;
  }
  return { text, starts, length: original.length };
}

/** The folded form of a query: what is looked for in folded texts. Empty when nothing is left to find. */
export function foldQuery(query: string): string {
  return foldForSearch(query).text.trim();
}

/** Where the original character of folded unit `unit` ends, with what was left out after it. */
function endOf(folded: FoldedText, unit: number): number {
  const start = folded.starts[unit];
  for (let next = unit + 1; next < folded.starts.length; next += 1) {
    if (folded.starts[next] !== start) {
      return folded.starts[next] ?? folded.length;
    }
  }
  return folded.length;
}

function escaped(char: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(char) ? `\\${char}` : char;
}

/**
 * The pattern a folded query stands for. Only one way round for each spelling, so that
 * ordinary words keep their meaning: an "ue" typed in the query matches ue or ü, never a
 * plain u ("Bauer" must not find "Baurecht", "neue" not "Neubau"); a plain u matches u or ü,
 * never ue; an ü typed in the query matches all three, since whoever types one means it.
 * Alternatives are tried longest first, so that "Müller" marks all of "Mueller".
 */
function patternSource(needle: string): string {
  let source = '';
  for (let at = 0; at < needle.length; at += 1) {
    const char = needle.charAt(at);
    const umlaut = UMLAUT_OF[char];
    const plain = PLAIN_OF[char];
    if (umlaut !== undefined && needle.charAt(at + 1) === 'e') {
      source += `(?:[${char}${umlaut}]e|${umlaut})`;
      at += 1;
    } else if (umlaut !== undefined) {
      source += `[${char}${umlaut}]`;
    } else if (plain !== undefined) {
      source += `(?:${char}|${plain}e|${plain})`;
    } else {
      source += escaped(char);
    }
  }
  return source;
}

// The server compares one query with every section in turn; compiled once for all of them.
let lastNeedle = '';
let lastPattern = /(?:)/g;

function patternOf(needle: string): RegExp {
  if (needle !== lastNeedle) {
    // No `u` flag: the folded text is compared in UTF-16 units, as its `starts` count them.
    lastPattern = new RegExp(patternSource(needle), 'g');
    lastNeedle = needle;
  }
  lastPattern.lastIndex = 0;
  return lastPattern;
}

/**
 * Every match of `needle` (a folded query, see foldQuery) in `haystack`, in text order and
 * not overlapping in the folded text, as ranges of the original text. Umlauts and their
 * spellings match as the file's comment says. A match that begins or ends inside a
 * character folded to several (ß as ss) takes the whole character.
 */
export function findMatches(haystack: FoldedText, needle: string): TextRange[] {
  if (needle === '') {
    return [];
  }
  const pattern = patternOf(needle);
  const found: TextRange[] = [];
  for (let match = pattern.exec(haystack.text); match !== null; match = pattern.exec(haystack.text)) {
    const at = match.index;
    found.push({ start: haystack.starts[at] ?? 0, end: endOf(haystack, at + match[0].length - 1) });
  }
  return found;
}
