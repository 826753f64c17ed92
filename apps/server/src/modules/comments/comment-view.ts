import { commentAbilities, type CommentThread, type Role, type SectionComment } from '@kapitel/domain';
import type { CommentRow } from './comment.repository.js';

/** Who is looking, for the abilities each comment carries. */
export interface Viewer {
  userId: string;
  role: Role;
  /** The viewer is an assignee of the section. */
  isAssignee: boolean;
  /** The viewer may edit the section's text now (and so accept suggested changes). */
  mayEditText: boolean;
}

/** A comment as the API shows it to `viewer`; `threadAuthorId` is the author of its thread's root. */
export function toComment(row: CommentRow, viewer: Viewer, threadAuthorId: string | null): SectionComment {
  const anchor =
    row.anchorStart && row.anchorEnd
      ? { start: row.anchorStart.toString('base64'), end: row.anchorEnd.toString('base64') }
      : null;
  return {
    id: row.id,
    projectId: row.projectId,
    sectionId: row.sectionId,
    parentId: row.parentId,
    body: row.body,
    anchor,
    suggestion:
      row.suggestion === null || row.suggestionQuote === null
        ? null
        : {
            quote: row.suggestionQuote,
            text: row.suggestion,
            acceptedAt: row.suggestionAcceptedAt?.toISOString() ?? null,
            acceptedBy:
              row.suggestionAcceptedBy === null
                ? null
                : { id: row.suggestionAcceptedBy, name: row.suggestionAccepterName ?? '' },
          },
    // A deleted account leaves its comments without an author (docs/accounts.md).
    author: row.authorId === null ? null : { id: row.authorId, name: row.authorName ?? '' },
    mentions: row.mentionIds,
    createdAt: row.createdAt.toISOString(),
    edited: row.editedAt !== null,
    editedAt: row.editedAt?.toISOString() ?? null,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedBy: row.resolvedBy === null ? null : { id: row.resolvedBy, name: row.resolverName ?? '' },
    abilities: commentAbilities(viewer.role, {
      isAuthor: row.authorId === viewer.userId,
      isRoot: row.parentId === null,
      isThreadAuthor: threadAuthorId === viewer.userId,
      isAssignee: viewer.isAssignee,
      suggestsOpenChange: suggestsOpenChange(row),
      mayEditText: viewer.mayEditText,
    }),
  };
}

/** The comment is an open thread's root whose suggested change was not accepted yet. */
export function suggestsOpenChange(row: CommentRow): boolean {
  return row.parentId === null && row.suggestion !== null && row.suggestionAcceptedAt === null && row.resolvedAt === null;
}

/** Rows of one section (oldest first) as threads: each root with its replies. */
export function toThreads(rows: readonly CommentRow[], viewer: Viewer): CommentThread[] {
  const replies = new Map<string, CommentRow[]>();
  for (const row of rows) {
    if (row.parentId !== null) {
      replies.set(row.parentId, [...(replies.get(row.parentId) ?? []), row]);
    }
  }
  return rows
    .filter((row) => row.parentId === null)
    .map((root) => ({
      ...toComment(root, viewer, root.authorId),
      replies: (replies.get(root.id) ?? []).map((row) => toComment(row, viewer, root.authorId)),
    }));
}

/** The fields an audit entry shows of a comment. */
export function auditView(
  row: Pick<CommentRow, 'body' | 'mentionIds' | 'parentId' | 'suggestion' | 'suggestionQuote'>,
): Record<string, unknown> {
  const view: Record<string, unknown> = { body: row.body, mentions: row.mentionIds, parentId: row.parentId };
  return row.suggestion === null ? view : { ...view, suggestion: row.suggestion, quote: row.suggestionQuote };
}
