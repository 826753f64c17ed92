/**
 * Request and response shapes of the outline, review, dashboard and audit routes
 * (../shared/API.md, "Outline and review").
 */
import type { Language } from './limits.js';
import type { SectionAbilities } from './permissions.js';
import type { ReviewAction, ReviewState, ReviewStep } from './review-state.js';
import type { Role } from './roles.js';

export interface Section {
  id: string;
  projectId: string;
  parentId: string | null;
  /** 0-based place among its siblings; siblings always hold 0..n-1. */
  position: number;
  /** "2.1"; null for unnumbered sections (foreword, annex) and everything below them. */
  number: string | null;
  title: string;
  numbered: boolean;
  state: ReviewState;
  assigneeIds: string[];
  reviewerId: string | null;
  /** A calendar date, `YYYY-MM-DD`. */
  dueDate: string | null;
  /** The length the lead asks for, in words (docs/outline.md, "Length"); null: none. */
  targetWords: number | null;
  /**
   * The "no objections" recorded in the current review round, oldest first. Empty unless the
   * section is in review: requesting changes or approving ends the round (docs/outline.md).
   */
  noObjections: NoObjection[];
  createdAt: string;
  updatedAt: string;
}

/** A reviewer's "checked, no objections" on a section in review. */
export interface NoObjection {
  /** Null when the account no longer exists. */
  actorId: string | null;
  actorName: string | null;
  note: string | null;
  at: string;
}

export interface OutlineNode extends Section {
  children: OutlineNode[];
}

/** The nodes of an outline tree in reading order: each before its children (1, 1.1, 1.2, 2 …). */
export function inReadingOrder(nodes: readonly OutlineNode[]): OutlineNode[] {
  return nodes.flatMap((node) => [node, ...inReadingOrder(node.children)]);
}

export interface OutlineResponse {
  sections: OutlineNode[];
}

export interface CreateSectionRequest {
  title: string;
  parentId?: string | null;
  /** Where among the new siblings; omitted or past the end means "at the end". */
  position?: number;
  numbered?: boolean;
}

export interface UpdateSectionRequest {
  title?: string;
  assigneeIds?: string[];
  reviewerId?: string | null;
  dueDate?: string | null;
  targetWords?: number | null;
  numbered?: boolean;
}

export interface MoveSectionRequest {
  parentId: string | null;
  position: number;
}

export interface SectionResponse {
  section: Section;
}

export interface SectionDetailResponse {
  section: Section;
  abilities: SectionAbilities;
}

/** A deleted section in the trash (its sub-sections went with it and come back with it). */
export interface TrashedSection {
  id: string;
  title: string;
  parentId: string | null;
  deletedAt: string;
  deletedBy: string | null;
  /** How many sub-sections were deleted together with it. */
  descendantCount: number;
}

export interface TransitionRequest {
  action: ReviewAction;
  note?: string;
}

/** `POST …/sections/:sectionId/no-objections`: the reviewer's verdict, with an optional short note. */
export interface NoObjectionsRequest {
  note?: string;
}

/** One step of a section's history; a verdict (`no_objections`) goes from in_review to in_review. */
export interface Transition {
  id: string;
  from: ReviewState;
  to: ReviewState;
  action: ReviewStep;
  actorId: string | null;
  actorName: string | null;
  note: string | null;
  at: string;
}

export interface Template {
  id: string;
  title: string;
  language: Language;
}

/** A section as the dashboard lists it. */
export interface DashboardSection {
  id: string;
  number: string | null;
  title: string;
  state: ReviewState;
  dueDate: string | null;
  overdue: boolean;
}

export interface DashboardMember {
  userId: string;
  name: string;
  organisation: string | null;
  role: Role;
  /** Sections the member is an assignee of. */
  assigned: DashboardSection[];
  /** Sections the member reviews. */
  reviewing: DashboardSection[];
}

export interface Dashboard {
  total: number;
  counts: Record<ReviewState, number>;
  approved: number;
  /** approved / total; 0 for an empty outline. */
  progress: number;
  /** Not approved and due before today (UTC). */
  overdue: DashboardSection[];
  members: DashboardMember[];
}

export interface AuditEvent {
  id: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  targetType: string | null;
  targetId: string | null;
  /** What changed; for changes `{before, after}`. */
  data: Record<string, unknown>;
  at: string;
}

export interface AuditPage {
  events: AuditEvent[];
  /** Pass as `before` to read the next (older) page; null on the last page. */
  nextBefore: string | null;
}

/** A section whose text refers to another one through cross-references (libs/editor `sectionRef`). */
export interface SectionReference {
  sectionId: string;
  number: string | null;
  title: string;
  /** How many cross-references in its text point to the section asked about. */
  count: number;
}

/** `GET /api/projects/:projectId/sections/:sectionId/references`: the live sections that refer to it, in reading order. */
export interface SectionReferencesResponse {
  references: SectionReference[];
}

/** A numbered figure (captioned image) or table of the report, as the PDF numbers it. */
export interface ReportFigure {
  /** Its id in the text (libs/editor `figureId`); '' when it has none yet (its text was written before ids and not opened since). */
  figureId: string;
  kind: 'figure' | 'table';
  /** Its number through the report, counted per kind in reading order: "Abbildung 3", "Tabelle 2". */
  number: number;
  caption: string;
  /** The section whose text holds it. */
  sectionId: string;
  sectionNumber: string | null;
  sectionTitle: string;
}

/**
 * `GET /api/projects/:projectId/figures`: the numbered figures and tables of the live sections'
 * current texts, in reading order, numbered as the draft PDF numbers them.
 */
export interface ReportFiguresResponse {
  figures: ReportFigure[];
}

/** Which text of each section the reading view shows: as it stands, or as last approved (what a final export prints). */
export const REPORT_TEXT_VERSIONS = ['current', 'approved'] as const;
export type ReportTextVersion = (typeof REPORT_TEXT_VERSIONS)[number];

/** One section of the report as the reading view shows it: its place in the outline and its text. */
export interface ReportTextSection {
  id: string;
  /** "2.1"; null for unnumbered sections (foreword, annex) and everything below them. */
  number: string | null;
  title: string;
  /** 1 for a chapter, 2 for its sub-sections, … */
  depth: number;
  state: ReviewState;
  /**
   * The ProseMirror JSON of its text (libs/editor schema): the current one, to the last stored
   * keystroke; with `version=approved` its latest approval version's, null when it has none.
   */
  json: unknown;
  /** With `version=approved`: when that version was made (the approval), null when there is none. */
  approvedAt?: string | null;
}

/**
 * `GET /api/projects/:projectId/text[?version=current|approved]`: the whole report, the live
 * sections in reading order with their texts, for reading it in one page (docs/reading.md).
 */
export interface ReportTextResponse {
  sections: ReportTextSection[];
  /** Server time just before the texts were read: every edit stored before it is in them. */
  readAt: string;
}
