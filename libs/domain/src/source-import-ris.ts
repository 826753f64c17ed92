/**
 * RIS as Citavi, Zotero and EndNote write it: one `XX  - value` a line, an entry from `TY` to
 * `ER`. Exporters differ in the spaces around the hyphen and in the line ends; some wrap long
 * values onto lines without a tag, and some leave out the last `ER`.
 */

/** A web address of an entry: written out (`url`) or a DOI to be made one. */
export interface AddressCandidate {
  kind: 'url' | 'doi';
  value: string;
}

/**
 * What a reader takes from one entry, already decoded but not yet cleaned; the common steps
 * (white space, NFC, which address and day count) are done once, in source-import.ts. Both
 * readers return it; it lives here so that no reader imports source-import.ts, which imports them,
 * and it is not exported from the package: only `parseSources` gives entries out.
 */
export interface RawEntry {
  /** The BibTeX key; '' for RIS, which has none worth showing. */
  key: string;
  authors: string;
  title: string;
  year: string;
  /** The parts of the publication in print order; empty ones are dropped. */
  publication: string[];
  /** In order of preference: the first that makes an http(s) address wins. */
  addresses: AddressCandidate[];
  /** The day looked at as `YYYY-MM-DD` if the file had one (checked here for being a real day). */
  accessed: string;
  /** The file ends inside the entry (BibTeX: its closing brace is missing): cut off or damaged. */
  cutOff?: boolean;
}

// Two characters, one to three spaces, a hyphen, then the value after white space (or none).
const TAG_LINE = /^[ \t]*([A-Z][A-Z0-9])[ \t]{1,3}-(?:[ \t]+(.*))?$/;
const LINE_END = /\r\n|\r|\n/;
const DAY_START = /^(\d{4})([-/])(\d{2})\2(\d{2})(?!\d)/;

interface Tag {
  tag: string;
  value: string;
}

/** The entries of a RIS text in file order; text before the first `TY` and between entries is ignored. */
export function readRis(text: string): RawEntry[] {
  const entries: RawEntry[] = [];
  let current: Tag[] | null = null;
  for (const line of text.split(LINE_END)) {
    const match = TAG_LINE.exec(line);
    if (match === null) {
      // A value wrapped onto the next line belongs to the tag before it.
      const last = current?.[current.length - 1];
      if (last !== undefined && line.trim() !== '') {
        last.value = `${last.value} ${line}`;
      }
      continue;
    }
    const tag = match[1] ?? '';
    if (tag === 'TY') {
      // A new entry also ends one whose `ER` is missing.
      if (current !== null) {
        entries.push(toRawEntry(current));
      }
      current = [];
    } else if (tag === 'ER') {
      if (current !== null) {
        entries.push(toRawEntry(current));
      }
      current = null;
    } else if (current !== null) {
      current.push({ tag, value: (match[2] ?? '').trim() });
    }
  }
  if (current !== null) {
    entries.push(toRawEntry(current));
  }
  return entries;
}

function toRawEntry(tags: Tag[]): RawEntry {
  const byTag = new Map<string, string[]>();
  for (const entry of tags) {
    // Wrapped lines may have added white space at either end.
    entry.value = entry.value.trim();
    const values = byTag.get(entry.tag);
    if (entry.value === '') {
      continue;
    } else if (values === undefined) {
      byTag.set(entry.tag, [entry.value]);
    } else {
      values.push(entry.value);
    }
  }
  // Every value of the tags, in the file's order (an exporter may mix `AU` and `A1`).
  const all = (...names: string[]) =>
    tags.filter((t) => t.value !== '' && names.includes(t.tag)).map((t) => t.value);
  // The first value, trying the tags in the order given.
  const first = (...names: string[]) =>
    names.map((name) => byTag.get(name)?.[0]).find((value) => value !== undefined) ?? '';
  const people = all('AU', 'A1');
  const authors = (people.length > 0 ? people : all('A2', 'ED')).join('; ');
  const title = first('TI', 'T1') || first('BT');
  const year =
    ['PY', 'Y1', 'DA'].map((name) => /\d{4}/.exec(first(name))?.[0]).find((value) => value !== undefined) ??
    '';
  const comparable = (value: string) => value.replace(/\s+/g, ' ').toLowerCase();
  // The container in the order of the tags' preference; a book's `BT` may repeat its own title.
  const container =
    ['T2', 'JO', 'JF', 'JA', 'BT']
      .flatMap((name) => byTag.get(name) ?? [])
      .find((value) => comparable(value) !== comparable(title)) ?? '';
  const volumeIssue = volumeAndIssue(first('VL'), first('IS'));
  const startPage = first('SP');
  const endPage = first('EP');
  const pages =
    endPage !== '' && endPage !== startPage ? `${startPage}–${endPage}`.replace(/^–/, '') : startPage;
  const addresses: AddressCandidate[] = [
    ...(byTag.get('UR') ?? []).map((value): AddressCandidate => ({ kind: 'url', value })),
    ...(byTag.get('DO') ?? []).map((value): AddressCandidate => ({ kind: 'doi', value })),
  ];
  const day = DAY_START.exec(first('Y2'));
  return {
    key: '',
    authors,
    title,
    year,
    publication: [container, volumeIssue, pages, placeAndPublisher(first('CY'), first('PB'))],
    addresses,
    accessed: day === null ? '' : `${day[1]}-${day[3]}-${day[4]}`,
  };
}

/** A journal's volume and issue as "12(3)", "12" or "(3)"; '' without either. */
export function volumeAndIssue(volume: string, issue: string): string {
  const v = volume.trim();
  const i = issue.trim();
  return v !== '' && i !== '' ? `${v}(${i})` : v || (i && `(${i})`);
}

/** "Köln: KGSt", as German (and most other) reference styles write place and publisher; either alone as it is. */
export function placeAndPublisher(place: string, publisher: string): string {
  const where = place.trim();
  const who = publisher.trim();
  return where !== '' && who !== '' ? `${where}: ${who}` : where || who;
}
