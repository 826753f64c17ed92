/** Limits shared by server validation and the web app's forms. */
export const LIMITS = {
  passwordMinLength: 12,
  passwordMaxLength: 1024,
  emailMaxLength: 254,
  nameMaxLength: 120,
  organisationMaxLength: 200,
  projectTitleMaxLength: 300,
  projectSubtitleMaxLength: 500,
  projectDescriptionMaxLength: 5000,
  /** Who publishes the report, printed on the PDF's cover ("Deutscher Städtetag"). */
  projectPublisherMaxLength: 200,
  invitationValidDays: 7,
  /** How long an expired invitation stays in the lead's list (to send a new link), in days. */
  invitationExpiredListedDays: 30,
  sectionTitleMaxLength: 300,
  /** Chapter, section, sub-section ... : deeper outlines stop reading like a report. */
  outlineMaxDepth: 6,
  outlineMaxSections: 1000,
  sectionMaxAssignees: 20,
  /** A section's length target ("Umfang") in words. */
  sectionTargetWordsMax: 100000,
  transitionNoteMaxLength: 2000,
  auditPageSize: 50,
  auditPageMaxSize: 200,
  /** A comment's text, counted in code points. */
  commentMaxLength: 10000,
  /** Each base64 relative position of a comment's anchor. */
  commentAnchorMaxLength: 1024,
  commentExcerptLength: 140,
  /** The text a comment suggests in place of its passage, counted in code points. */
  suggestionMaxLength: 5000,
  /** A named version's label, counted in code points. */
  versionLabelMaxLength: 120,
  notificationPageSize: 30,
  notificationPageMaxSize: 100,
  /** An abbreviation as written ("OZG", "z. B."), counted in code points. */
  abbreviationShortMaxLength: 40,
  /** What it stands for. */
  abbreviationLongMaxLength: 300,
  /** Entries of one project's list of abbreviations. */
  abbreviationsMax: 1000,
  /** A source's authors or editors ("Müller, Anna; KGSt"), counted in code points. */
  sourceAuthorsMaxLength: 500,
  /** A source's title. */
  sourceTitleMaxLength: 500,
  /** A source's year as printed ("2023", "2021/22"). */
  sourceYearMaxLength: 20,
  /** Where a source appeared: publisher, journal, series, place. */
  sourcePublicationMaxLength: 500,
  /** A source's web address. */
  sourceUrlMaxLength: 2000,
  /** Entries of one project's list of sources. */
  sourcesMax: 2000,
  /** The text of an imported BibTeX or RIS file, in characters (a request body holds at most 1 MB). */
  sourceImportMaxLength: 900_000,
} as const;

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The form under which an email address is stored and compared: trimmed and lower-cased,
 * so that `Anna@Example.org ` and `anna@example.org` are one account.
 */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
