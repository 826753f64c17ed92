/**
 * The report's list of abbreviations ("Abkürzungsverzeichnis"): a project-wide list that the
 * PDF prints after the contents and the lists of figures and tables. Leads and authors keep it
 * (action `abbreviations.edit`); every member reads it.
 */

/** One abbreviation and what it stands for. */
export interface Abbreviation {
  id: string;
  /** As written in the text: "OZG", "KRITIS", "z. B."; unique in the project regardless of case. */
  short: string;
  /** What it stands for: "Onlinezugangsgesetz". */
  long: string;
  updatedAt: string;
}

/** `GET /api/projects/:projectId/abbreviations`: the list, sorted by `short` as the PDF prints it (German collation, case-insensitive). */
export interface AbbreviationsResponse {
  abbreviations: Abbreviation[];
}

/**
 * `POST /api/projects/:projectId/abbreviations` (201) and
 * `PATCH /api/projects/:projectId/abbreviations/:abbreviationId` (200, either field) take
 * `{short, long}`; both answer `{abbreviation}`. `DELETE …/:abbreviationId` answers 204.
 * A `short` that the project has already (any case) is refused with 409 ABBREVIATION_EXISTS.
 */
export interface AbbreviationResponse {
  abbreviation: Abbreviation;
}

export interface AbbreviationInput {
  short: string;
  long: string;
}
