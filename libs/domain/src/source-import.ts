import type { SourceInput } from './api-sources.js';
import { readBibtex } from './source-import-bibtex.js';
import { readRis, type AddressCandidate, type RawEntry } from './source-import-ris.js';

/**
 * Reading the lists of sources that reference managers write (Zotero, Citavi, JabRef,
 * EndNote): BibTeX and RIS, into the fields of a `SourceInput` (docs/sources.md, "Import").
 * Pure functions, for the server's import and the web app's preview alike.
 *
 * Both readers scan the text once, with counters instead of recursion and without regular
 * expressions that could backtrack, so any text (a wrong file, random bytes, a megabyte of
 * braces) is read in linear time and never throws.
 */

export type SourceImportFormat = 'bibtex' | 'ris';

/** One entry of the file as read: its fields, or why it cannot become a source. */
export interface ImportedEntry {
  /** 1-based position of the entry in the file, for messages ("Eintrag 3"). */
  position: number;
  /** The entry's key or a short name for messages (BibTeX key, else the title, else ''). */
  name: string;
  /** The fields, each a string ('' when the entry has none); `title` may be '' (the caller refuses it). */
  source: SourceInput;
  /** The file ends inside the entry (a closing brace is missing): the caller refuses it. */
  cutOff: boolean;
}

export interface ParsedSources {
  format: SourceImportFormat;
  entries: ImportedEntry[];
}

const NAME_MAX_LENGTH = 60;
const BOM = '\uFEFF';
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const RIS_START = /^TY[ \t]{1,3}-/;
const BIBTEX_ENTRY = /@\s*[a-zA-Z]+\s*[{(]/;
const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i;

/** The format a file's text is in, or null when it is neither BibTeX nor RIS. */
export function detectSourceFormat(text: string): SourceImportFormat | null {
  const body = withoutBom(text);
  const firstLine = /^\s*([^\r\n]*)/.exec(body)?.[1] ?? '';
  if (RIS_START.test(firstLine)) {
    return 'ris';
  }
  return BIBTEX_ENTRY.test(body) ? 'bibtex' : null;
}

/** Every entry of a BibTeX or RIS text, in file order; null when the format is neither. */
export function parseSources(text: string): ParsedSources | null {
  const format = detectSourceFormat(text);
  if (format === null) {
    return null;
  }
  const body = withoutBom(text);
  const raws = format === 'ris' ? readRis(body) : readBibtex(body);
  return { format, entries: raws.map((raw, index) => finish(raw, index + 1)) };
}

function withoutBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(BOM.length) : text;
}

function finish(raw: RawEntry, position: number): ImportedEntry {
  const title = clean(raw.title);
  const url = webAddress(raw.addresses);
  const source: SourceInput = {
    authors: clean(raw.authors),
    title,
    year: clean(raw.year),
    publication: raw.publication
      .map(clean)
      .filter((part) => part !== '')
      .join(', '),
    url,
    // A day looked at says nothing without the address it was looked at (the server drops it
    // too). One that is no calendar day is passed on as written: the server leaves it out and says so.
    accessed: url === '' ? '' : calendarDay(clean(raw.accessed)) || clean(raw.accessed),
  };
  const key = clean(raw.key);
  const name =
    key !== '' ? key : [...title.slice(0, 2 * NAME_MAX_LENGTH)].slice(0, NAME_MAX_LENGTH).join('').trimEnd();
  return { position, name, source, cutOff: raw.cutOff === true };
}

/** A field as it is stored: no control characters or lone surrogates, NFC, white space one space, trimmed. */
function clean(text: string): string {
  return text.replace(LONE_SURROGATE, '').replace(CONTROL, ' ').normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * The first candidate that is (or, for a DOI, makes) an http(s) address with a host and no
 * space; without one, the first address as written ("www.kgst.de"), which the server leaves out
 * and says so, rather than losing it unseen.
 */
function webAddress(candidates: AddressCandidate[]): string {
  for (const candidate of candidates) {
    const value = clean(candidate.value);
    if (candidate.kind === 'url') {
      if (/^https?:\/\/[^/?#\s]/i.test(value) && !value.includes(' ')) {
        return value;
      }
    } else {
      const doi = value.replace(DOI_PREFIX, '');
      if (doi !== '' && !doi.includes(' ')) {
        return `https://doi.org/${doi}`;
      }
    }
  }
  const written = candidates.find((candidate) => candidate.kind === 'url');
  return written === undefined ? '' : clean(written.value);
}

/** `day` when it is a real calendar day `YYYY-MM-DD`, else ''. */
function calendarDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (match === null) {
    return '';
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const date = Number(match[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && date >= 1 && date <= days ? day : '';
}
