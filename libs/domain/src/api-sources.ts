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

export interface SourceInput {
  authors: string;
  title: string;
  year: string;
  publication: string;
  url: string;
  accessed: string;
}
