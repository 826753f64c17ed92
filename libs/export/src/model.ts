import type { EntryPiece, ExportStandard, Language, ReviewState } from '@kapitel/domain';
import type { HeldImages } from './images.js';

/** What an export is: everything, watermarked, or the approved report. */
export type ReportMode = 'draft' | 'final';

/** A person named on the cover. */
export interface ReportContributor {
  name: string;
  organisation: string | null;
  /**
   * Whether they wrote the report (its lead or an author): only they are the PDF's authors
   * in its metadata. Reviewers are named on the cover as contributors, but wrote none of it.
   */
  wrote: boolean;
}

/** A ProseMirror node as stored (JSON of the editor schema of libs/editor); read defensively. */
export interface ProseMirrorJson {
  type?: unknown;
  attrs?: unknown;
  content?: unknown;
  marks?: unknown;
  text?: unknown;
}

/** An abbreviation and what it stands for. */
export interface ReportAbbreviation {
  short: string;
  long: string;
}

/**
 * A source the report cites, as its citations and its bibliography entry read: labelled over
 * the project's whole list of sources (so "KGSt 2023a" says what the editor says), in the
 * bibliography's order (`labelSources`, `sourceEntry` of libs/domain; `reportSources`).
 */
export interface ReportSource {
  /** The source's id: citations (`citation` nodes) name it as their `sourceId`. */
  id: string;
  /** What its citations say: "KGSt 2023a". */
  label: string;
  /** Its bibliography entry: text, the title (italic) and the web address, in order. */
  entry: EntryPiece[];
}

/** One section of the outline, in reading order. */
export interface ReportSection {
  /** The section's id: cross-references in the texts (`sectionRef`) name their target by it. */
  id?: string;
  /** Outline number ("2.1"); null for unnumbered sections. */
  number: string | null;
  title: string;
  /** 1 for a chapter, 2 for its sub-sections, ... */
  depth: number;
  state: ReviewState;
  /** The section's text as ProseMirror JSON (`doc` node). */
  content: ProseMirrorJson;
}

/**
 * Everything the PDF shows, built by the server from the database. Pure data: the export
 * library never reads anything else.
 */
export interface ReportModel {
  mode: ReportMode;
  language: Language;
  title: string;
  subtitle: string | null;
  /** Who publishes the report (shown on the cover when known). */
  publisher: string | null;
  /** The date the report carries, `YYYY-MM-DD`. */
  date: string;
  contributors: ReportContributor[];
  sections: ReportSection[];
  /**
   * The report's list of abbreviations ("Abkürzungsverzeichnis"), sorted as printed; printed
   * after the contents and the lists of figures and tables when there is any.
   */
  abbreviations?: ReportAbbreviation[];
  /**
   * The sources the sections cite, in the bibliography's order; printed after the last chapter
   * ("Literatur- und Quellenverzeichnis"), those cited in the printed text, when there is any.
   */
  sources?: ReportSource[];
  /**
   * The uploaded images the sections name, by their `src` (the project's own only: an image
   * node whose src is not in here and is no `data:` URL gets the "not embedded" note).
   */
  images?: HeldImages;
}

/** A rendered report: the PDF and what it became. */
export interface RenderedReport {
  pdf: Uint8Array;
  /** The PDF/A level of a final export (docs/export.md, "PDF/A and tagging"); null for a draft. */
  standard: ExportStandard | null;
  /** Images whose alternative text was never given (neither text nor "decorative"). */
  imagesWithoutAlt: number;
  /**
   * Cross-references to sections and figures and citations whose target is not in the report:
   * a draft marks them "Verweis fehlt", a final export prints only their remembered title,
   * caption or label.
   */
  missingReferences: number;
}
