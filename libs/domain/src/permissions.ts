import { NO_OBJECTIONS, stepReviewState, type ReviewState, type ReviewStep } from './review-state.js';
import type { Role } from './roles.js';

/**
 * Everything a member may or may not do. One row each of the table in ARCHITECTURE.md
 * ("Who may do what"); `comment.resolve` covers "resolve own threads" and "resolve any thread".
 */
export const ACTIONS = [
  'project.read',
  'project.update',
  'section.edit',
  'version.create',
  'image.upload',
  'comment.create',
  'comment.resolve',
  'review.submit',
  'review.request_changes',
  'review.approve',
  'review.reopen',
  'review.withdraw',
  'review.no_objections',
  'outline.manage',
  'members.manage',
  'audit.read',
  'export.draft',
  'export.final',
  'abbreviations.edit',
  'sources.edit',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Facts about the object acted on that some rows of the table depend on. */
export interface PermissionContext {
  /** Review state of the section being edited. */
  reviewState?: ReviewState;
  /** The acting member is one of the section's assignees. */
  isAssignee?: boolean;
  /** The acting member started the comment thread being resolved. */
  isThreadAuthor?: boolean;
  /** The acting member is the section's named reviewer ("Prüfung durch"). */
  isReviewer?: boolean;
}

const EDITABLE_BY_AUTHOR: readonly ReviewState[] = ['draft', 'changes_requested'];
const LOCKED_FOR_LEAD: readonly ReviewState[] = ['in_review', 'approved'];

/**
 * The single permission table. Pure: the server enforces it, and sends its answers to
 * the web app as `abilities` so that no client re-derives a rule.
 */
export function can(role: Role, action: Action, context: PermissionContext = {}): boolean {
  const { reviewState, isAssignee = false, isThreadAuthor = false, isReviewer = false } = context;
  switch (action) {
    case 'project.read':
    case 'export.draft':
      return true;
    case 'project.update':
    case 'review.approve':
    case 'review.reopen':
    case 'outline.manage':
    case 'members.manage':
    case 'audit.read':
    case 'export.final':
      return role === 'lead';
    case 'section.edit':
      if (role === 'lead') {
        return reviewState === undefined || !LOCKED_FOR_LEAD.includes(reviewState);
      }
      return (
        role === 'author' && isAssignee && reviewState !== undefined && EDITABLE_BY_AUTHOR.includes(reviewState)
      );
    case 'version.create':
      // Storing a named version changes no text, so the review state does not matter; who
      // may keep one is who writes the section: a lead, or one of its assigned authors.
      return role === 'lead' || (role === 'author' && isAssignee);
    case 'abbreviations.edit':
    case 'sources.edit':
      // The lists of abbreviations and of sources serve every text: whoever writes text may add to them.
      return role === 'lead' || role === 'author';
    case 'image.upload':
      // Whoever may write text somewhere in the project may add a figure to it; which
      // section it goes into is decided by the edit itself (section.edit).
      return role === 'lead' || role === 'author';
    case 'comment.create':
      return role !== 'reader';
    case 'comment.resolve':
      if (role === 'lead') {
        return true;
      }
      if (role === 'author') {
        return isThreadAuthor || isAssignee;
      }
      return role === 'reviewer' && isThreadAuthor;
    case 'review.submit':
    case 'review.withdraw':
      // Withdrawing undoes a submission, so whoever may submit may withdraw, whoever submitted.
      return role === 'lead' || (role === 'author' && isAssignee);
    case 'review.request_changes':
      return role === 'lead' || role === 'reviewer';
    case 'review.no_objections':
      // Whoever may review (as for request changes), but a lead only as the section's named
      // reviewer: any other lead approves instead, and "no objections" would tell the leads
      // only what they already decide themselves.
      return role === 'reviewer' || (role === 'lead' && isReviewer);
    default:
      return assertNever(action);
  }
}

/** Project-level abilities: the actions whose answer does not depend on a section. */
export const PROJECT_ABILITY_ACTIONS = [
  'project.read',
  'project.update',
  'comment.create',
  'outline.manage',
  'members.manage',
  'audit.read',
  'export.draft',
  'export.final',
  'abbreviations.edit',
  'sources.edit',
] as const satisfies readonly Action[];
export type ProjectAbilities = Record<(typeof PROJECT_ABILITY_ACTIONS)[number], boolean>;

/** The abilities sent with a project, for the web app to show or hide controls. */
export function projectAbilities(role: Role): ProjectAbilities {
  const entries = PROJECT_ABILITY_ACTIONS.map((action) => [action, can(role, action)] as const);
  return Object.fromEntries(entries) as ProjectAbilities;
}

/** Section-level abilities: what the caller may do with one section right now. */
export interface SectionAbilities {
  'section.edit': boolean;
  /** Store a named version (restoring one is `section.edit`). */
  'version.create': boolean;
  'comment.create': boolean;
  'outline.manage': boolean;
  'review.submit': boolean;
  'review.request_changes': boolean;
  'review.approve': boolean;
  'review.reopen': boolean;
  /** Take a submission back to draft before it is decided on. */
  'review.withdraw': boolean;
  /** Record "no objections" (in review, once per person and review round). */
  'review.no_objections': boolean;
}

/** What the abilities on one section depend on. */
export interface SectionContext {
  reviewState: ReviewState;
  isAssignee: boolean;
  isReviewer?: boolean;
  /** The caller already recorded "no objections" in the current review round. */
  hasNoObjection?: boolean;
}

/** The facts about `userId` and a section that its abilities depend on. */
export function sectionContext(
  section: {
    state: ReviewState;
    assigneeIds: readonly string[];
    reviewerId: string | null;
    noObjections: ReadonlyArray<{ actorId: string | null }>;
  },
  userId: string,
): Required<SectionContext> {
  return {
    reviewState: section.state,
    isAssignee: section.assigneeIds.includes(userId),
    isReviewer: section.reviewerId === userId,
    hasNoObjection: section.noObjections.some((verdict) => verdict.actorId === userId),
  };
}

/**
 * The abilities sent with a section. A review step counts only when the role may take
 * it and the section's state allows it, so the web app shows exactly the buttons that work;
 * "no objections" also only once per person and review round.
 */
export function sectionAbilities(role: Role, context: SectionContext): SectionAbilities {
  const review = (step: ReviewStep): boolean =>
    can(role, `review.${step}`, context) && stepReviewState(context.reviewState, step) !== null;
  return {
    'section.edit': can(role, 'section.edit', context),
    'version.create': can(role, 'version.create', context),
    'comment.create': can(role, 'comment.create', context),
    'outline.manage': can(role, 'outline.manage', context),
    'review.submit': review('submit'),
    'review.request_changes': review('request_changes'),
    'review.approve': review('approve'),
    'review.reopen': review('reopen'),
    'review.withdraw': review('withdraw'),
    'review.no_objections': review(NO_OBJECTIONS) && context.hasNoObjection !== true,
  };
}

/** Compile-time proof that a switch handled every case. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}
