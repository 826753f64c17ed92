/**
 * The report's list of sources ("Literatur- und Quellenverzeichnis"): a project-wide list
 * that texts cite (the editor's `citation` node, libs/editor) and that the PDF and the
 * reading view print after the last chapter, the sources cited there and only those.
 * Leads and authors keep it (action `sources.edit`); every member reads it. docs/sources.md.
 */

/** One source: a book, a study, a law, a web page. Every field but `title` may be ''. */
export interface Source {
  id: string;
  /**
   * Authors or editors, each as "Surname, Given name" or an organisation ("KGSt"), separated
   * by ";". The citation names the first's surname (the part before the comma).
   */
  authors: string;
  title: string;
  /** As printed: "2023", "2021/22"; '' prints "o. J." ("n.d."). */
  year: string;
  /** Where it appeared: publisher and place, journal and issue, series. */
  publication: string;
  /** An http(s) address, or ''. */
  url: string;
  /** The day the address was last looked at, `YYYY-MM-DD`, or '' (only with a `url`). */
  accessed: string;
  updatedAt: string;
}

/** `GET /api/projects/:projectId/sources`: the list in the order the bibliography prints it (see `sortSources`). */
export interface SourcesResponse {
  sources: Source[];
}

/**
 * `POST /api/projects/:projectId/sources` (201) and `PATCH …/sources/:sourceId` (200, any of
 * the fields) take a `SourceInput`; both answer `{source}`. `DELETE …/:sourceId` answers 204,
 * or 409 SOURCE_IN_USE while a section's current text or approved version cites it.
 */
export interface SourceResponse {
  source: Source;
}

/**
 * `GET /api/projects/:projectId/sources/:sourceId/citations`: the sections whose current text
 * or approved version cites the source ("2.1 Kosten"), in reading order; a deletion is refused
 * while there are any. Every member may ask.
 */
export interface SourceCitationsResponse {
  sections: string[];
}

export interface SourceInput {
  authors: string;
  title: string;
  year: string;
  publication: string;
  url: string;
  accessed: string;
}

/** The fields of a source, in the order forms show them. */
export const SOURCE_FIELDS = ['authors', 'title', 'year', 'publication', 'url', 'accessed'] as const satisfies ReadonlyArray<keyof SourceInput>;

/**
 * An address a reader can follow from the printed bibliography: http or https with a host,
 * written out ("https://…"), and without spaces, which the URL parser would quietly encode.
 */
export function isWebAddress(value: string): boolean {
  // The platform's URL parser (browser and Node alike); this package is typed for neither.
  const parser = (globalThis as { URL?: { canParse?: (input: string) => boolean } }).URL;
  return /^https?:\/\//i.test(value) && !value.includes(' ') && parser?.canParse?.(value) === true;
}

/** A source with every field empty: what a new one starts from. */
export const EMPTY_SOURCE: Readonly<SourceInput> = { authors: '', title: '', year: '', publication: '', url: '', accessed: '' };

/**
 * `POST /api/projects/:projectId/sources/import` takes the text of a BibTeX or RIS file
 * (what Zotero, Citavi, JabRef or EndNote export) and adds its entries to the list in one go.
 */
export interface SourceImportRequest {
  text: string;
}

/** An entry of the file that was not added, and why. */
export interface SkippedSource {
  /** 1-based position of the entry in the file. */
  position: number;
  /** The entry's key or title, to find it in the file. */
  name: string;
  /** `duplicate`: the list (or the file, earlier) has a source of the same authors, title and year. */
  reason: 'duplicate' | 'invalid';
  /** For `invalid`: the field that cannot be stored and why (in English, as other messages). */
  field?: string;
  message?: string;
}

/** A field of an added entry that was left out: an address that is none, a day that is none or to come. */
export interface LeftOutField {
  position: number;
  name: string;
  field: 'url' | 'accessed';
}

/** The import's answer (200): what was added, in file order, and what was not. */
export interface SourceImportResponse {
  format: 'bibtex' | 'ris';
  added: Source[];
  skipped: SkippedSource[];
  /** Fields of added entries that were left out (the entry was added without them). */
  leftOut: LeftOutField[];
}
