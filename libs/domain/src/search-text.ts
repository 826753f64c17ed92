/**
 * How the report's search compares text (docs/search.md). Both the query and the text are
 * folded one character at a time: lower case, without diacritics (ü is u, é is e), ß as ss,
 * white space runs as one space, soft hyphens and zero-width characters left out. A match is
 * then a plain substring of the folded text, mapped back onto the original. The server
 * finds matches with it, and the web app marks them in titles with the same rule.
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
// Distinct characters in German text are few; the cap only keeps an unusual text (thousands of
// different CJK characters) from growing the cache for ever.
const CACHE_LIMIT = 4096;
const cache = new Map<number, string>();

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
    folded = char.toLowerCase().normalize('NFD').replace(MARKS, '').replace(/ß/g, 'ss').replace(/ς/g, 'σ');
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

/**
 * Every match of `needle` (a folded query, see foldQuery) in `haystack`, in text order and
 * not overlapping in the folded text, as ranges of the original text. A match that begins
 * or ends inside a character folded to several (ß as ss) takes the whole character.
 */
export function findMatches(haystack: FoldedText, needle: string): TextRange[] {
  if (needle === '') {
    return [];
  }
  const found: TextRange[] = [];
  for (let at = haystack.text.indexOf(needle); at !== -1; at = haystack.text.indexOf(needle, at + needle.length)) {
    found.push({ start: haystack.starts[at] ?? 0, end: endOf(haystack, at + needle.length - 1) });
  }
  return found;
}
