import type { Language } from './limits.js';

/**
 * How sources are cited and listed: author–year citations ("(KGSt 2023, S. 12)") and a
 * bibliography sorted by them, as German public-sector reports cite. One implementation for
 * the editor, the reading view and the PDF, so that the three never disagree.
 */

/** The fields a label and an entry are made of (a `Source` has them all). */
export interface SourceFields {
  id: string;
  authors: string;
  title: string;
  year: string;
  publication?: string;
  url?: string;
  accessed?: string;
}

interface LabelTexts {
  and: string;
  etAl: string;
  noYear: string;
  accessed: string;
}

const TEXTS: Record<Language, LabelTexts> = {
  de: { and: 'und', etAl: 'u.\u00A0a.', noYear: 'o.\u00A0J.', accessed: 'abgerufen am' },
  en: { and: 'and', etAl: 'et al.', noYear: 'n.d.', accessed: 'accessed' },
};

const BASE = new Intl.Collator('de', { sensitivity: 'base', numeric: true });
const VARIANT = new Intl.Collator('de', { sensitivity: 'variant', numeric: true });
const SHORT_TITLE_LENGTH = 40;

/** The names of `authors`: split at ";", trimmed, empty ones dropped. */
export function sourceNames(authors: string): string[] {
  return authors
    .split(';')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** What a citation calls a person or body: the part before the first comma ("Müller, Anna" → "Müller"). */
function surname(name: string): string {
  const comma = name.indexOf(',');
  return (comma > 0 ? name.slice(0, comma) : name).trim();
}

/** A title cut at a word to stand for a source without authors in a citation. */
function shortTitle(title: string): string {
  if ([...title].length <= SHORT_TITLE_LENGTH) {
    return title;
  }
  const cut = [...title].slice(0, SHORT_TITLE_LENGTH).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > SHORT_TITLE_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/u, '')}…`;
}

function authorPart(source: SourceFields, texts: LabelTexts): string {
  const surnames = sourceNames(source.authors).map(surname);
  const [first, second] = surnames;
  if (first === undefined) {
    return shortTitle(source.title.trim());
  }
  if (second === undefined) {
    return first;
  }
  return surnames.length === 2 ? `${first} ${texts.and} ${second}` : `${first} ${texts.etAl}`;
}

/** The language-independent key that sorts and groups sources: surnames (or title), then year. */
function sortKey(source: SourceFields): string {
  const surnames = sourceNames(source.authors).map(surname);
  return surnames.length > 0 ? surnames.join(' ') : source.title.trim();
}

function compareSources(a: SourceFields, b: SourceFields): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  return (
    BASE.compare(ka, kb) ||
    BASE.compare(a.year, b.year) ||
    BASE.compare(a.title, b.title) ||
    VARIANT.compare(ka, kb) ||
    VARIANT.compare(a.title, b.title) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** A sorted copy, in the bibliography's order: by surnames (or title), year, title; ties by id. */
export function sortSources<T extends SourceFields>(sources: readonly T[]): T[] {
  return [...sources].sort(compareSources);
}

/** A source with what its citations say ("KGSt 2023a") and the year as its entry prints it ("2023a"). */
export interface LabelledSource<T extends SourceFields> {
  source: T;
  label: string;
  year: string;
}

/**
 * Every source with its citation label, in the bibliography's order. Sources that would read
 * alike (same surnames and year) get "a", "b", … after the year, in the order of their titles.
 */
export function labelSources<T extends SourceFields>(sources: readonly T[], language: Language): LabelledSource<T>[] {
  const texts = TEXTS[language];
  const sorted = sortSources(sources);
  // Runs of sources that would read alike (same surnames and year) are neighbours in `sorted`.
  const groups: T[][] = [];
  for (const source of sorted) {
    const group = groups[groups.length - 1];
    if (group !== undefined && alike(group[0] ?? source, source)) {
      group.push(source);
    } else {
      groups.push([source]);
    }
  }
  return groups.flatMap((group) =>
    group.map((source, index) => {
      const suffix = group.length > 1 ? suffixAt(index) : '';
      const year = `${source.year.trim() === '' ? texts.noYear : source.year.trim()}${suffix}`;
      return { source, label: `${authorPart(source, texts)} ${year}`, year };
    }),
  );
}

function alike(a: SourceFields, b: SourceFields): boolean {
  return BASE.compare(sortKey(a), sortKey(b)) === 0 && BASE.compare(a.year.trim(), b.year.trim()) === 0;
}

/**
 * The label `source` has (or, new or changed, will have) among the others of `list`: "KGSt
 * 2023b" only when the list has another source that reads alike. The list may hold an older
 * state of `source` (same id); it counts as replaced.
 */
export function labelAmong<T extends SourceFields>(list: readonly T[], source: T, language: Language): LabelledSource<T> | undefined {
  return labelSources([...list.filter((entry) => entry.id !== source.id), source], language).find((entry) => entry.source === source);
}

/** "a" … "z", then "aa", "ab", …: never two alike. */
function suffixAt(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26));
  return index < 26 ? letter : `${suffixAt(Math.floor(index / 26) - 1)}${letter}`;
}

/** One piece of a bibliography entry: plain text, the title (set in italics) or a web address. */
export interface EntryPiece {
  kind: 'text' | 'title' | 'url';
  text: string;
}

/**
 * A bibliography entry in pieces, for the reading view and the PDF to set:
 * "Müller, Anna; Schmidt, Jan (2023a): *Titel*. Verlag. https://… (abgerufen am 12.03.2024)."
 * Without authors the title leads: "*Titel* (2023). Verlag."
 */
export function sourceEntry(labelled: LabelledSource<SourceFields>, language: Language): EntryPiece[] {
  const { source, year } = labelled;
  const texts = TEXTS[language];
  const names = sourceNames(source.authors);
  const title = source.title.trim();
  const pieces: EntryPiece[] = [];
  if (names.length > 0) {
    pieces.push({ kind: 'text', text: `${names.join('; ')} (${year}): ` }, { kind: 'title', text: title });
    pieces.push({ kind: 'text', text: endsSentence(title) ? ' ' : '. ' });
  } else {
    pieces.push({ kind: 'title', text: title }, { kind: 'text', text: ` (${year}). ` });
  }
  const publication = (source.publication ?? '').trim();
  if (publication !== '') {
    pieces.push({ kind: 'text', text: endsSentence(publication) ? `${publication} ` : `${publication}. ` });
  }
  const url = (source.url ?? '').trim();
  if (url !== '') {
    const accessed = formatDay(source.accessed ?? '', language);
    pieces.push({ kind: 'url', text: url });
    pieces.push({ kind: 'text', text: accessed === '' ? '.' : ` (${texts.accessed} ${accessed}).` });
  }
  const last = pieces[pieces.length - 1];
  if (last !== undefined) {
    last.text = last.text.trimEnd();
  }
  return pieces.filter((piece) => piece.text !== '');
}

function endsSentence(text: string): boolean {
  return /[.?!…]$/u.test(text);
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2024-03-12` as "12.03.2024" or "12 March 2024"; '' for anything else. */
function formatDay(day: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (match === null) {
    return '';
  }
  const [, y, m, d] = match;
  return language === 'de' ? `${d}.${m}.${y}` : `${Number(d)} ${MONTHS_EN[Number(m) - 1] ?? ''} ${y}`;
}
