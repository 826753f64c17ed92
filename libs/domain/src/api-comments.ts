/**
 * Request and response shapes of the comment and notification routes (../shared/API.md,
 * "Comments"; docs/comments.md), and the rules for a comment's text that the server
 * enforces and the web form shows.
 */
import { LIMITS, type Language } from './limits.js';
import { can } from './permissions.js';
import type { Role } from './roles.js';

export const COMMENT_STATUSES = ['open', 'resolved', 'all'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** Base64 of two `Y.encodeRelativePosition`s in one text of the section's `XmlFragment('default')`. */
export interface CommentAnchor {
  start: string;
  end: string;
}

export interface CreateCommentRequest {
  body: string;
  /** Omitted: a comment on the whole section. Never on a reply. */
  anchor?: CommentAnchor;
  /** A reply to the thread whose root this is (same section). */
  parentId?: string;
  /**
   * A change to the passage: the text it should read instead ('' to delete it). Only with an
   * anchor; `body` may then be empty (the reason is optional).
   */
  suggestion?: string;
}

export interface UpdateCommentRequest {
  body: string;
}

/** Someone named in an answer: their id and display name. */
export interface PersonRef {
  id: string;
  name: string;
}

/**
 * What the caller may do with one comment now (resolve covers reopen; roots only; accept: put
 * the suggested change into the text).
 */
export interface CommentAbilities {
  edit: boolean;
  delete: boolean;
  resolve: boolean;
  accept: boolean;
}

/** A change a thread suggests for its passage (docs/comments.md, "Suggested changes"). */
export interface CommentSuggestion {
  /** The passage's text when the change was suggested, as the server read it. */
  quote: string;
  /** What the passage should read instead; '' suggests deleting it. */
  text: string;
  /** When it was put into the text; null while it was not. */
  acceptedAt: string | null;
  /** Null while not accepted, and once the account of whoever accepted it is deleted. */
  acceptedBy: PersonRef | null;
}

/** Named so that it does not shadow the DOM's `Comment` in the web app. */
export interface SectionComment {
  id: string;
  projectId: string;
  sectionId: string;
  /** Null for a thread's root. */
  parentId: string | null;
  /** Plain text exactly as written: never HTML. */
  body: string;
  anchor: CommentAnchor | null;
  /** Only on a thread's root, and only with an anchor. */
  suggestion: CommentSuggestion | null;
  /** Null when the author's account was deleted (the comment stays; docs/accounts.md). */
  author: PersonRef | null;
  /** Members mentioned with `@Name`, in order of first mention. */
  mentions: string[];
  createdAt: string;
  edited: boolean;
  editedAt: string | null;
  /** Always null on replies: threads are resolved through their root. */
  resolvedAt: string | null;
  /** Null while open, and on a resolved thread whose resolver's account was deleted. */
  resolvedBy: PersonRef | null;
  abilities: CommentAbilities;
}

/** A thread: its root comment with the replies, oldest first. */
export interface CommentThread extends SectionComment {
  replies: SectionComment[];
}

export interface CommentResponse {
  comment: SectionComment;
}

export interface CommentListResponse {
  threads: CommentThread[];
}

/** The threads of one section, open and resolved; replies are not counted. */
export interface SectionCommentCount {
  sectionId: string;
  open: number;
  resolved: number;
}

/**
 * `GET /api/projects/:projectId/comment-counts`: one entry for every section of the project
 * that is not in the trash, with 0s when it has no threads, so an absent section is not live.
 */
export interface CommentCountsResponse {
  counts: SectionCommentCount[];
}

export const NOTIFICATION_KINDS = [
  'mention',
  'reply',
  'assigned',
  'review_requested',
  'changes_requested',
  'approved',
  'no_objections',
  'reopened',
  'withdrawn',
  'suggestion_accepted',
  'commented',
  'suggested',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Named so that it does not shadow the DOM's `Notification` in the web app. */
export interface UserNotification {
  id: string;
  kind: NotificationKind;
  /** `language`: the report's, for the user text shown (titles, the comment's start, the note). */
  project: { id: string; title: string; language: Language };
  /** Null when the section no longer exists; `number` as the outline has it now (null: unnumbered, or in the trash). */
  section: { id: string; title: string; number: string | null } | null;
  /** Null when the person no longer exists. */
  actor: PersonRef | null;
  /** The comment (mention, reply) with the start of its current text; null when deleted or not about a comment. */
  comment: { id: string; excerpt: string } | null;
  /** The note of the review step it is about (changes requested, no objections, reopen, withdrawal), as written; null when none was given. */
  note: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  notifications: UserNotification[];
  /** How many unread notifications the caller has in all. */
  unread: number;
  /** Pass as `before` to read the next (older) page; null on the last page. */
  nextBefore: string | null;
}

export interface UnreadCountResponse {
  unread: number;
}

// C0 control characters except tab (U+0009) and newline (U+000A).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F]/;
// Every C0 control character, the line and paragraph separators, and the bidirectional
// embeddings, overrides and isolates (which would show a suggestion otherwise than it reads):
// a suggestion replaces text within one paragraph of the report.
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u001F\u007F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The length of a text as a person counts it: in code points, an emoji is one. */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _char of text) {
    count += 1;
  }
  return count;
}

/**
 * Why `body` cannot be a comment's text, or null when it can. The text is stored as sent;
 * these rules only keep out what is not text.
 */
export function commentBodyProblem(body: string, options: { mayBeEmpty?: boolean } = {}): string | null {
  if (LONE_SURROGATE.test(body)) {
    return 'body must be valid Unicode text (it contains a lone surrogate)';
  }
  if (CONTROL.test(body)) {
    return 'body must not contain control characters other than tab and newline';
  }
  if (body.trim() === '' && options.mayBeEmpty !== true) {
    return 'body must not be empty';
  }
  if (codePointLength(body) > LIMITS.commentMaxLength) {
    return `body must be at most ${LIMITS.commentMaxLength} characters long`;
  }
  return null;
}

/**
 * The word diff of a suggested change (`diffWords`): far beyond a passage one suggests a change
 * to; above them it is replaced whole. One value for the server, which applies the change word
 * by word, and the web, which shows it so: both see the same changes.
 */
export const SUGGESTION_DIFF_LIMITS = { maxTokens: 4000, maxEdits: 800 } as const;

/**
 * Why `text` cannot be suggested in place of a passage, or null when it can. '' can: it
 * suggests deleting the passage. No line breaks or tabs: a passage lies in one paragraph.
 */
export function suggestionProblem(text: string): string | null {
  if (LONE_SURROGATE.test(text)) {
    return 'suggestion must be valid Unicode text (it contains a lone surrogate)';
  }
  if (ANY_CONTROL.test(text)) {
    return 'suggestion must be one line without control characters (no line breaks, tabs or direction overrides)';
  }
  if (text !== '' && text.trim() === '') {
    return "suggestion must not be only spaces (send '' to suggest deleting the passage)";
  }
  if (codePointLength(text) > LIMITS.suggestionMaxLength) {
    return `suggestion must be at most ${LIMITS.suggestionMaxLength} characters long`;
  }
  return null;
}

/** The start of a comment for a notification or an e-mail: one line, at most `max` characters. */
export function commentExcerpt(body: string, max: number = LIMITS.commentExcerptLength): string {
  const line = body.replace(/\s+/g, ' ').trim();
  const chars = Array.from(line);
  return chars.length <= max ? line : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** Facts about one comment and the caller that decide what the caller may do with it. */
export interface CommentFacts {
  /** The caller wrote this comment. */
  isAuthor: boolean;
  /** The comment is a thread's root (only roots are resolved and reopened). */
  isRoot: boolean;
  /** The caller started the thread. */
  isThreadAuthor: boolean;
  /** The caller is an assignee of the comment's section. */
  isAssignee: boolean;
  /** The comment is an open thread's root with a suggested change not yet accepted. */
  suggestsOpenChange: boolean;
  /** The caller may edit the section's text now (`section.edit` in its review state). */
  mayEditText: boolean;
}

/**
 * What a member may do with one comment, from the table in ARCHITECTURE.md: edit their own
 * comments while they may comment; delete their own, or any as a lead; resolve and reopen
 * threads as `can(role, 'comment.resolve')` allows; accept a suggested change whoever may
 * edit the text now (the change is an edit of it).
 */
export function commentAbilities(role: Role, facts: CommentFacts): CommentAbilities {
  const mayComment = can(role, 'comment.create');
  return {
    edit: mayComment && facts.isAuthor,
    delete: role === 'lead' || (mayComment && facts.isAuthor),
    resolve:
      facts.isRoot &&
      can(role, 'comment.resolve', { isThreadAuthor: facts.isThreadAuthor, isAssignee: facts.isAssignee }),
    accept: facts.isRoot && facts.suggestsOpenChange && facts.mayEditText,
  };
}
