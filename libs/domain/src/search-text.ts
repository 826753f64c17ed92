/**
 * How the report's search compares text (docs/search.md). Both the query and the text are
 * folded one character at a time: lower case, without diacritics (é is e) except that ä, ö
 * and ü stay themselves, ß as ss, white space runs as one space, soft hyphens and zero-width
 * characters left out. The folded query then becomes a pattern in which a, o and u also
 * match their umlaut, ä, ö and ü also match the plain letter and ae, oe, ue, and ae, oe, ue
 * also match ä, ö, ü: "Muller", "Mueller" and "Müller" find "Müller", "Müller" finds
 * "Mueller", but "Bauer" does not find "Baurecht". A match is mapped back onto the original.
 * A query is a list of words and quoted phrases (parseSearchQuery); a section is found
 * when each of them occurs in its title or text, and every occurrence of any of them is a
 * match. The server finds matches with it, and the web app marks them (titles, snippets, the
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

/**
 * A word or a quoted phrase of a query, as searched for. Words and phrases alike are found as
 * substrings ("rad" finds "Fahrrad"); a phrase keeps its spaces, so its words must stand
 * together and in its order.
 */
export interface SearchTerm {
  /** As typed (without the quotes), for messages. */
  readonly text: string;
  /** Folded (foldQuery): what is looked for. */
  readonly needle: string;
  readonly phrase: boolean;
}

/** A query taken apart. */
export interface SearchQuery {
  /** The words and phrases looked for, each once, in the order typed; empty when nothing is left. */
  readonly terms: readonly SearchTerm[];
  /** Words (or phrases) of a single character, as typed: found in nearly every section, so left out. */
  readonly ignored: readonly string[];
  /** How many words and phrases were typed, the ignored ones and repeats included. */
  readonly count: number;
}

/** Terms shorter than this (folded, in code points) are left out of the search. */
export const SEARCH_TERM_MIN_LENGTH = 2;

// What closes a phrase, by the quote that opens it: „…“ (German; „…” as some fonts and
// keyboards write it), "…" and “…” (also ”…”, as in Swedish), »…« (German books) and «…»
// (Swiss, French). A quote character is never searched for itself.
const DOUBLE_CLOSERS = '"\u201C\u201D\u201F';
const CLOSERS: Readonly<Record<string, string>> = {
  '"': DOUBLE_CLOSERS,
  '\u201E': DOUBLE_CLOSERS,
  '\u201C': DOUBLE_CLOSERS,
  '\u201D': DOUBLE_CLOSERS,
  '\u201F': DOUBLE_CLOSERS,
  '\u00BB': '\u00AB',
  '\u00AB': '\u00BB',
};

/** The pieces of a query as typed: words apart by white space, phrases between quotes. */
function piecesOf(query: string): Array<{ text: string; phrase: boolean }> {
  const pieces: Array<{ text: string; phrase: boolean }> = [];
  let word = '';
  const endWord = (): void => {
    if (word !== '') {
      pieces.push({ text: word, phrase: false });
      word = '';
    }
  };
  for (let at = 0; at < query.length; at += 1) {
    const char = query.charAt(at);
    const closers = CLOSERS[char];
    if (closers !== undefined) {
      endWord();
      let close = at + 1;
      while (close < query.length && !closers.includes(query.charAt(close))) {
        close += 1;
      }
      // An opening quote without its closing one counts as a space: the words after it are
      // searched each on its own, which finds at least what the phrase would have found.
      if (close < query.length) {
        pieces.push({ text: query.slice(at + 1, close).trim(), phrase: true });
        at = close;
      }
    } else if (WHITE_SPACE.test(char)) {
      endWord();
    } else {
      word += char;
    }
  }
  endWord();
  return pieces;
}

let lastParsed: { query: string; parsed: SearchQuery } | undefined;

/**
 * Takes a query apart: words apart by white space, and phrases in double quotes („…“, "…",
 * »…«) that stay one term. Terms are folded; one with nothing visible left (soft hyphens,
 * empty quotes) is dropped, one of a single character is ignored, a repeat is searched once.
 */
export function parseSearchQuery(query: string): SearchQuery {
  // The web parses the same query for every title, snippet and change of the text: taken apart
  // (and its patterns compiled) once.
  if (lastParsed?.query === query) {
    return lastParsed.parsed;
  }
  const pieces = piecesOf(query);
  const terms: SearchTerm[] = [];
  const ignored: string[] = [];
  for (const { text, phrase } of pieces) {
    const needle = foldQuery(text);
    if (needle === '') {
      continue;
    }
    if ([...needle].length < SEARCH_TERM_MIN_LENGTH) {
      ignored.push(text);
    } else if (!terms.some((term) => term.needle === needle)) {
      terms.push({ text, needle, phrase });
    }
  }
  const parsed: SearchQuery = { terms, ignored, count: pieces.length };
  lastParsed = { query, parsed };
  return parsed;
}

/** A query's patterns: one per term (does it occur?) and one for all (where are the matches?). */
interface Patterns {
  readonly each: readonly RegExp[];
  readonly any: RegExp;
}

// The server compares one query with every section in turn, the web one with every title and
// snippet: compiled once per query.
const compiled = new WeakMap<SearchQuery, Patterns>();

function patternsOf(query: SearchQuery): Patterns {
  let patterns = compiled.get(query);
  if (patterns === undefined) {
    // No `u` flag: the folded text is compared in UTF-16 units, as its `starts` count them.
    // Longest first: where two terms match at one place ("rad", "radverkehr") the longer
    // one is the match, and the shorter one inside it is no second match.
    const sources = query.terms.map((term) => patternSource(term.needle));
    const longestFirst = [...query.terms].sort((a, b) => b.needle.length - a.needle.length).map((term) => patternSource(term.needle));
    patterns = {
      each: sources.map((source) => new RegExp(source, 'g')),
      any: new RegExp(longestFirst.join('|'), 'g'),
    };
    compiled.set(query, patterns);
  }
  return patterns;
}

/** Whether every term of `query` occurs in one of `haystacks` (a section's title and text); false without terms. */
export function containsAllTerms(query: SearchQuery, ...haystacks: readonly FoldedText[]): boolean {
  if (query.terms.length === 0) {
    return false;
  }
  return patternsOf(query).each.every((pattern) =>
    haystacks.some((haystack) => {
      pattern.lastIndex = 0;
      return pattern.test(haystack.text);
    }),
  );
}

function matchesOf(haystack: FoldedText, pattern: RegExp): TextRange[] {
  pattern.lastIndex = 0;
  const found: TextRange[] = [];
  for (let match = pattern.exec(haystack.text); match !== null; match = pattern.exec(haystack.text)) {
    const at = match.index;
    found.push({ start: haystack.starts[at] ?? 0, end: endOf(haystack, at + match[0].length - 1) });
  }
  return found;
}

/**
 * Every match of any term of `query` in `haystack`, in text order and not overlapping in the
 * folded text, as ranges of the original text: what the search counts as hits and the web
 * marks. Umlauts and their spellings match as the file's comment says. A match that begins
 * or ends inside a character folded to several (ß as ss) takes the whole character.
 */
export function findQueryMatches(haystack: FoldedText, query: SearchQuery): TextRange[] {
  return query.terms.length === 0 ? [] : matchesOf(haystack, patternsOf(query).any);
}

/** Every match of one folded term `needle` (see foldQuery) in `haystack`, as findQueryMatches finds them. */
export function findMatches(haystack: FoldedText, needle: string): TextRange[] {
  return needle === '' ? [] : matchesOf(haystack, new RegExp(patternSource(needle), 'g'));
}
