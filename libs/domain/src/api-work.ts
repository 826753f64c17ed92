/**
 * The signed-in person's own work across all their projects (`GET /api/me/work`,
 * docs/outline.md "My sections"): what the project list and the outline's filter
 * "Nur meine Abschnitte" show.
 */
import type { Language } from './limits.js';
import type { ReviewState } from './review-state.js';

/** A section of "Meine Abschnitte", with the project it belongs to. */
export interface MyWorkSection {
  id: string;
  projectId: string;
  projectTitle: string;
  /** The report's language, in which project and section titles are written. */
  projectLanguage: Language;
  /** "2.1"; null for unnumbered sections and everything below them. */
  number: string | null;
  title: string;
  state: ReviewState;
  /** A calendar date, `YYYY-MM-DD`. */
  dueDate: string | null;
  /** Not approved and due before today (UTC), the dashboard's rule. */
  overdue: boolean;
  /** The caller is one of its assignees (writes it). */
  assigned: boolean;
  /** The caller is its named reviewer and it is in review (has to check it now). */
  reviewing: boolean;
}

/** Where one of the caller's projects stands, and how much of it waits for the caller. */
export interface MyWorkProject {
  projectId: string;
  /** Live sections (not in the trash). */
  total: number;
  approved: number;
  /** approved / total; 0 for an empty outline. */
  progress: number;
  /** The caller's sections here (see `isMySection`) that are not approved yet. */
  open: number;
}

export interface MyWorkResponse {
  /** Sorted by due date, the earliest first, sections without one last. */
  sections: MyWorkSection[];
  /** Every project the caller is a member of, also those without sections. */
  projects: MyWorkProject[];
}

/** What `isMySection` needs to know of a section. */
export interface WorkSection {
  assigneeIds: readonly string[];
  reviewerId: string | null;
  state: ReviewState;
}

/**
 * Whether a section is `userId`'s work: they are one of its assignees, or its named
 * reviewer while it is in review (a reviewer has nothing to do with it before or after).
 * The server's list and the outline's filter "Nur meine Abschnitte" use this one rule.
 */
export function isMySection(section: WorkSection, userId: string): boolean {
  return (
    section.assigneeIds.includes(userId) || (section.reviewerId === userId && section.state === 'in_review')
  );
}
