import { decodeLatex, skip } from './source-import-latex.js';
import { placeAndPublisher, volumeAndIssue, type AddressCandidate, type RawEntry } from './source-import-ris.js';

/**
 * BibTeX (and biblatex) as Zotero, JabRef and Citavi write it: entries, `@string` macros,
 * values in braces, quotes or bare, joined by `#`; LaTeX accents and commands in the values.
 * Everything is read by counting braces in one pass, never by recursion, so that no nesting
 * in the input can exhaust the stack.
 */

const MONTHS = 'January February March April May June July August September October November December';
// The standard macros `jan` … `dec`.
const MONTH_MACROS = MONTHS.split(' ').map((month): [string, string] => [
  month.slice(0, 3).toLowerCase(),
  month,
]);

// Sticky patterns, each applied at one position; none can backtrack more than its own match.
const ENTRY_START = /@\s*([a-zA-Z]+)\s*([{(])/y;
const SPACE = /\s*/y;
const SPACE_AND_COMMAS = /[\s,]*/y;
const KEY = /[^\s,{}()"#=]*/y;
const FIELD_NAME = /[^\s,{}()"#=]+/y;
const BARE_VALUE = /[^\s,{}()"#=]+/y;

type Fields = Map<string, string>;

/**
 * The `@string` macros, and how many characters their expansions may still add in all: macros
 * that double one another (`@string{a = a # a}`, again and again) would otherwise turn a small
 * file into gigabytes.
 */
interface Macros {
  values: Map<string, string>;
  budget: number;
}

/** The entries of a BibTeX text in file order (`@comment`, `@preamble` and `@string` are none). */
export function readBibtex(text: string): RawEntry[] {
  const macros: Macros = { values: new Map(MONTH_MACROS), budget: 2 * text.length + 100_000 };
  const entries: RawEntry[] = [];
  let at = 0;
  for (;;) {
    const start = text.indexOf('@', at);
    if (start < 0) {
      return entries;
    }
    ENTRY_START.lastIndex = start;
    const match = ENTRY_START.exec(text);
    if (match === null) {
      at = start + 1;
      continue;
    }
    const type = (match[1] ?? '').toLowerCase();
    const close = match[2] === '(' ? ')' : '}';
    at = ENTRY_START.lastIndex;
    if (type === 'comment' || type === 'preamble') {
      at = Math.min(findOutsideBraces(text, at, close) + 1, text.length);
    } else if (type === 'string') {
      const read = readFields(text, at, close, macros, false);
      read.fields.forEach((value, name) => macros.values.set(name, value));
      at = read.end;
    } else {
      const read = readFields(text, at, close, macros, true);
      entries.push({ ...toRawEntry(type, read.key, read.fields), ...(read.closed ? {} : { cutOff: true }) });
      at = read.end;
    }
  }
}

/**
 * The position of the first of `stops` outside braces, from `at` (a `}` without its `{` counts as
 * outside), or the text's end. How entries, values and garbled fields end, by counting, not recursion.
 */
function findOutsideBraces(text: string, at: number, stops: string): number {
  let depth = 0;
  for (let i = at; i < text.length; i += 1) {
    const c = text[i] ?? '';
    if (depth === 0 && stops.includes(c)) {
      return i;
    }
    if (c === '{') {
      depth += 1;
    } else if (c === '}' && depth > 0) {
      depth -= 1;
    }
  }
  return text.length;
}

function readFields(text: string, from: number, close: string, macros: Macros, withKey: boolean) {
  const fields: Fields = new Map();
  let at = from;
  let key = '';
  if (withKey) {
    at = skip(SPACE, text, at);
    KEY.lastIndex = at;
    const candidate = KEY.exec(text)?.[0] ?? '';
    const after = skip(SPACE, text, at + candidate.length);
    // `@misc{title = {…}}` has no key: what looked like one is the first field's name.
    if (text[after] !== '=') {
      key = candidate;
      at = after;
    }
  }
  for (;;) {
    at = skip(SPACE_AND_COMMAS, text, at);
    if (at >= text.length) {
      return { key, fields, end: at, closed: false };
    }
    if (text[at] === close) {
      return { key, fields, end: at + 1, closed: true };
    }
    FIELD_NAME.lastIndex = at;
    const name = FIELD_NAME.exec(text)?.[0];
    const equals = name === undefined ? at : skip(SPACE, text, at + name.length);
    if (name === undefined || text[equals] !== '=') {
      // Not `name = value`: skip to where the next field can start (always past `at`).
      at = findOutsideBraces(text, equals, `,${close}`);
      continue;
    }
    const value = readValue(text, equals + 1, macros);
    const field = name.toLowerCase();
    // A repeated field is an error in BibTeX; the first one counts.
    if (!fields.has(field)) {
      fields.set(field, value.text);
    }
    at = value.end;
  }
}

/** A value: parts in braces, in quotes, numbers or macro names, joined by `#`; braces inside kept. */
function readValue(text: string, from: number, macros: Macros): { text: string; end: number } {
  const parts: string[] = [];
  let at = from;
  for (;;) {
    at = skip(SPACE, text, at);
    const c = text[at];
    if (c === '{' || c === '"') {
      const end = c === '{' ? findOutsideBraces(text, at + 1, '}') : closingQuote(text, at);
      parts.push(text.slice(at + 1, end));
      at = Math.min(end + 1, text.length);
    } else {
      BARE_VALUE.lastIndex = at;
      const bare = BARE_VALUE.exec(text)?.[0];
      if (bare === undefined) {
        break;
      }
      const expansion = /^\d+$/.test(bare) ? bare : (macros.values.get(bare.toLowerCase()) ?? '');
      // An unknown macro is empty, as in BibTeX; so is any once the budget is spent.
      parts.push(expansion.length <= macros.budget ? expansion : '');
      macros.budget -= Math.min(expansion.length, macros.budget);
      at += bare.length;
    }
    at = skip(SPACE, text, at);
    if (text[at] !== '#') {
      break;
    }
    at += 1;
  }
  return { text: parts.join(''), end: at };
}

/** The closing quote outside braces; `\"` (an umlaut written without braces) does not close. */
function closingQuote(text: string, open: number): number {
  let depth = 0;
  for (let i = open + 1; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\\' && text[i + 1] === '"') {
      i += 1;
    } else if (c === '{') {
      depth += 1;
    } else if (c === '}' && depth > 0) {
      depth -= 1;
    } else if (c === '"' && depth === 0) {
      return i;
    }
  }
  return text.length;
}

const COLLECTION_TYPES = new Set(['incollection', 'inproceedings', 'conference', 'inbook']);

function toRawEntry(type: string, key: string, fields: Fields): RawEntry {
  const get = (name: string) => decodeLatex(fields.get(name) ?? '');
  const first = (...names: string[]) => names.map(get).find((value) => value.trim() !== '') ?? '';
  const authors = personNames(fields.get('author') ?? '') || personNames(fields.get('editor') ?? '');
  const year = first('year') || (/^\s*(\d{4})/.exec(get('date'))?.[1] ?? '');
  let publication: string[];
  if (type === 'article') {
    publication = [first('journal', 'journaltitle'), volumeAndIssue(get('volume'), get('number')), get('pages')];
  } else if (COLLECTION_TYPES.has(type)) {
    publication = [get('booktitle'), placeAndPublisher(first('address', 'location'), get('publisher'))];
  } else {
    const publisher = first('publisher', 'institution', 'organization', 'school');
    publication = [placeAndPublisher(first('address', 'location'), publisher)];
  }
  publication.push(get('series'));
  const addresses: AddressCandidate[] = [
    { kind: 'url', value: verbatim(fields.get('url') ?? '') },
    { kind: 'doi', value: verbatim(fields.get('doi') ?? '') },
    // Older styles have no `url` field and put the address there instead.
    { kind: 'url', value: verbatim(fields.get('howpublished') ?? '') },
  ];
  return {
    key,
    authors,
    title: get('title'),
    year,
    publication,
    addresses,
    accessed: verbatim(fields.get('urldate') ?? ''),
  };
}

/** An address, DOI or date: only escapes and braces removed (`--` and `~` are part of addresses). */
function verbatim(raw: string): string {
  return raw
    .replace(/\\(?:url|nolinkurl|path)(?![A-Za-z])/g, '')
    .replace(/\\([^A-Za-z])/g, '$1')
    .replace(/[{}]/g, '');
}

/** `author`/`editor`: names split at "and" outside braces, each "Surname, Given", joined with "; ". */
function personNames(raw: string): string {
  return splitAtAnd(raw)
    .map((name) => name.trim())
    .filter((name) => name !== '' && name.toLowerCase() !== 'others')
    .map(personName)
    .filter((name) => name.trim() !== '')
    .join('; ');
}

function splitAtAnd(raw: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  let i = 0;
  while (i < raw.length) {
    const c = raw[i] ?? '';
    if (c === '{') {
      depth += 1;
    } else if (c === '}') {
      depth = Math.max(0, depth - 1);
    } else if (depth === 0 && /\s/.test(c)) {
      // The whole run of white space at once, so that a long run is looked at only once.
      const end = skip(SPACE, raw, i);
      if (raw.slice(end, end + 3).toLowerCase() === 'and' && /\s/.test(raw[end + 3] ?? '')) {
        names.push(raw.slice(start, i));
        start = end + 3;
        i = end + 3;
      } else {
        i = end;
      }
      continue;
    }
    i += 1;
  }
  names.push(raw.slice(start));
  return names;
}

/** One name as "Surname, Given": a name in braces is an organisation and stays whole. */
function personName(name: string): string {
  if (wrappedInBraces(name)) {
    return decodeLatex(name);
  }
  const parts = splitOutsideBraces(name, (c) => c === ',').map((part) => decodeLatex(part).trim());
  if (parts.length > 1) {
    // "Surname, Given" stays; BibTeX's "Surname, Jr., Given" puts the suffix last.
    const [surname = '', middle = '', ...rest] = parts;
    const given = parts.length > 2 ? [rest.join(', '), middle] : [middle];
    return [surname, ...given].filter((part) => part !== '').join(', ');
  }
  const words = splitOutsideBraces(name, (c) => /\s/.test(c) || c === '~').filter((word) => word !== '');
  if (words.length < 2) {
    return decodeLatex(name);
  }
  // BibTeX's rule: the surname starts at the first lowercase word ("van", "de", "von"), else it is the last word.
  let particle = words.slice(0, -1).findIndex(isParticle);
  if (particle < 0) {
    particle = words.length - 1;
  }
  const decode = (list: string[]) => list.map((word) => decodeLatex(word).trim()).join(' ');
  const given = decode(words.slice(0, particle));
  const surname = decode(words.slice(particle));
  return given === '' ? surname : `${surname}, ${given}`;
}

function wrappedInBraces(name: string): boolean {
  return name.startsWith('{') && findOutsideBraces(name, 1, '}') === name.length - 1;
}

function splitOutsideBraces(text: string, isSeparator: (c: string) => boolean): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] ?? '';
    if (c === '{') {
      depth += 1;
    } else if (c === '}') {
      depth = Math.max(0, depth - 1);
    } else if (depth === 0 && isSeparator(c)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** A lowercase word; a word in plain braces (`{De} Gaulle`) is protected, `{\"u}…` is only an accent. */
function isParticle(word: string): boolean {
  if (word.startsWith('{') && !word.startsWith('{\\')) {
    return false;
  }
  const letter = decodeLatex(word).trim()[0] ?? '';
  return letter !== letter.toUpperCase() && letter === letter.toLowerCase();
}
