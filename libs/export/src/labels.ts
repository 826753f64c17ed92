import type { Language, ReviewState } from '@kapitel/domain';

/** The fixed words of the PDF in one language. */
export interface ReportLabels {
  contents: string;
  /** The heading of the list of figures, after the contents; only when a figure has a caption. */
  figures: string;
  page: string;
  of: string;
  watermark: string;
  /** The draft's marking on the cover and in its footer ("Entwurf"); a final export carries none. */
  draft: string;
  contributors: string;
  /** The heading of contributors without an organisation, below those with one. */
  otherContributors: string;
  states: Record<ReviewState, string>;
  imageNotEmbedded: string;
  /** Below a draft section without text, so that its heading does not stand alone. */
  noText: string;
  /** The supplement of a numbered figure's caption ("Abbildung 3: …"). */
  figure: string;
  /** The heading of the list of tables, after the list of figures; only when a table has a caption. */
  tables: string;
  /** The supplement of a numbered table's caption ("Tabelle 3: …"). */
  table: string;
  /** A cross-reference to a chapter (a section of depth 1): "Kapitel 3". */
  chapterRef: string;
  /** A cross-reference to a deeper section: "Abschnitt 3.2". */
  sectionRef: string;
  /** A draft's cross-reference whose target is no longer in the report: "Verweis fehlt: „…“". */
  missingRef: string;
  /** Before a citation whose source is not in the list (a draft only). */
  missingSource: string;
  /** The heading of the list of abbreviations, after the lists of figures and tables; only when the report has any. */
  abbreviations: string;
  /** The heading of the bibliography, after the last chapter; only when the text cites a source. */
  bibliography: string;
  /** What a citation of a missing source says when it remembers no label: "(Quelle, S. 12)". */
  source: string;
}

const LABELS: Record<Language, ReportLabels> = {
  de: {
    contents: 'Inhalt',
    figures: 'Abbildungsverzeichnis',
    page: 'Seite',
    of: 'von',
    watermark: 'ENTWURF',
    draft: 'Entwurf',
    contributors: 'Mitwirkende',
    otherContributors: 'Weitere Mitwirkende',
    states: { draft: 'Entwurf', in_review: 'In Prüfung', changes_requested: 'Änderungen angefordert', approved: 'Freigegeben' },
    imageNotEmbedded: 'Bild nicht eingebettet',
    noText: '(noch kein Text)',
    figure: 'Abbildung',
    tables: 'Tabellenverzeichnis',
    table: 'Tabelle',
    chapterRef: 'Kapitel',
    sectionRef: 'Abschnitt',
    missingRef: 'Verweis fehlt:',
    missingSource: 'Quelle fehlt:',
    abbreviations: 'Abkürzungsverzeichnis',
    bibliography: 'Literatur- und Quellenverzeichnis',
    source: 'Quelle',
  },
  en: {
    contents: 'Contents',
    figures: 'List of figures',
    page: 'Page',
    of: 'of',
    watermark: 'DRAFT',
    draft: 'Draft',
    contributors: 'Contributors',
    otherContributors: 'Other contributors',
    states: { draft: 'Draft', in_review: 'In review', changes_requested: 'Changes requested', approved: 'Approved' },
    imageNotEmbedded: 'Image not embedded',
    noText: '(no text yet)',
    figure: 'Figure',
    tables: 'List of tables',
    table: 'Table',
    chapterRef: 'Chapter',
    sectionRef: 'Section',
    missingRef: 'Missing reference:',
    missingSource: 'Missing source:',
    abbreviations: 'Abbreviations',
    bibliography: 'References',
    source: 'Source',
  },
};

/** The PDF's fixed words for a project language. */
export function reportLabels(language: Language): ReportLabels {
  return LABELS[language];
}

const MONTHS: Record<Language, string[]> = {
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** `2025-11-28` as "28. November 2025" / "28 November 2025"; independent of the host's ICU data. */
export function formatReportDate(date: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) {
    throw new Error(`date must be written YYYY-MM-DD, got "${date}"`);
  }
  const [, year, month, day] = match;
  const name = MONTHS[language][Number(month) - 1];
  return language === 'de' ? `${Number(day)}. ${name} ${year}` : `${Number(day)} ${name} ${year}`;
}
