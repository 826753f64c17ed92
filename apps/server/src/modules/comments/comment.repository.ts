import type { SectionCommentCount } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** A comment as the service uses it, with the names of the people it names. */
export interface CommentRow {
  id: string;
  projectId: string;
  sectionId: string;
  parentId: string | null;
  /** Null (with the name) once the author's account is deleted: the comment stays. */
  authorId: string | null;
  authorName: string | null;
  body: string;
  anchorStart: Buffer | null;
  anchorEnd: Buffer | null;
  suggestion: string | null;
  suggestionQuote: string | null;
  suggestionAcceptedAt: Date | null;
  suggestionAcceptedBy: string | null;
  suggestionAccepterName: string | null;
  mentionIds: string[];
  createdAt: Date;
  editedAt: Date | null;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  resolverName: string | null;
}

interface RawComment {
  id: string;
  project_id: string;
  section_id: string;
  parent_id: string | null;
  author_id: string | null;
  author_name: string | null;
  body: string;
  anchor_start: Buffer | null;
  anchor_end: Buffer | null;
  suggestion: string | null;
  suggestion_quote: string | null;
  suggestion_accepted_at: Date | null;
  suggestion_accepted_by: string | null;
  suggestion_accepter_name: string | null;
  mention_ids: string[];
  created_at: Date;
  edited_at: Date | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolver_name: string | null;
}

const SELECT_COMMENT = `
  SELECT c.id, c.project_id, c.section_id, c.parent_id, c.author_id, au.name AS author_name, c.body,
         c.anchor_start, c.anchor_end, c.mention_ids::text[] AS mention_ids, c.created_at, c.edited_at,
         c.resolved_at, c.resolved_by, rb.name AS resolver_name, c.suggestion, c.suggestion_quote,
         c.suggestion_accepted_at, c.suggestion_accepted_by, sa.name AS suggestion_accepter_name
    FROM comments c
    LEFT JOIN users au ON au.id = c.author_id
    LEFT JOIN users rb ON rb.id = c.resolved_by
    LEFT JOIN users sa ON sa.id = c.suggestion_accepted_by`;

function toRow(raw: RawComment): CommentRow {
  return {
    id: raw.id,
    projectId: raw.project_id,
    sectionId: raw.section_id,
    parentId: raw.parent_id,
    authorId: raw.author_id,
    authorName: raw.author_name,
    body: raw.body,
    anchorStart: raw.anchor_start,
    anchorEnd: raw.anchor_end,
    suggestion: raw.suggestion,
    suggestionQuote: raw.suggestion_quote,
    suggestionAcceptedAt: raw.suggestion_accepted_at,
    suggestionAcceptedBy: raw.suggestion_accepted_by,
    suggestionAccepterName: raw.suggestion_accepter_name,
    mentionIds: raw.mention_ids,
    createdAt: raw.created_at,
    editedAt: raw.edited_at,
    resolvedAt: raw.resolved_at,
    resolvedBy: raw.resolved_by,
    resolverName: raw.resolver_name,
  };
}

export type CommentLock = 'none' | 'key share' | 'no key update' | 'update';

/** The only code touching `comments`; every query is scoped by project, and by section but for the counts. */
@Injectable()
export class CommentRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private q(em?: EntityManager): EntityManager {
    return em ?? this.db.manager;
  }

  /** Every comment of a section, oldest first. */
  async listInSection(projectId: string, sectionId: string): Promise<CommentRow[]> {
    const rows = await this.db.query<RawComment[]>(
      `${SELECT_COMMENT} WHERE c.project_id = $1 AND c.section_id = $2 ORDER BY c.created_at, c.id`,
      [projectId, sectionId],
    );
    return rows.map(toRow);
  }

  /**
   * Threads (roots, not replies) of every live section of the project, open and resolved, in
   * one query. It starts from `sections` (read here rather than through the outline module, to
   * stay one query) so that a section without threads answers 0s and one in the trash, whose
   * comments are kept for a restore, is left out.
   */
  async countThreads(projectId: string): Promise<SectionCommentCount[]> {
    return this.db.query<SectionCommentCount[]>(
      `SELECT s.id AS "sectionId",
              count(c.id) FILTER (WHERE c.resolved_at IS NULL)::int AS open,
              count(c.id) FILTER (WHERE c.resolved_at IS NOT NULL)::int AS resolved
         FROM sections s
         LEFT JOIN comments c ON c.project_id = s.project_id AND c.section_id = s.id AND c.parent_id IS NULL
        WHERE s.project_id = $1 AND s.deleted_at IS NULL
        GROUP BY s.id
        ORDER BY s.id`,
      [projectId],
    );
  }

  /** A comment of the section, locked as asked until the transaction ends; null when absent. */
  async find(
    projectId: string,
    sectionId: string,
    commentId: string,
    em?: EntityManager,
    lock: CommentLock = 'none',
  ): Promise<CommentRow | null> {
    const suffix = lock === 'none' ? '' : ` FOR ${lock.toUpperCase()} OF c`;
    const rows = await this.q(em).query<RawComment[]>(
      `${SELECT_COMMENT} WHERE c.project_id = $1 AND c.section_id = $2 AND c.id = $3${suffix}`,
      [projectId, sectionId, commentId],
    );
    const row = rows[0];
    return row ? toRow(row) : null;
  }

  async insert(
    comment: {
      projectId: string;
      sectionId: string;
      parentId: string | null;
      authorId: string;
      body: string;
      anchor: { start: Buffer; end: Buffer } | null;
      mentionIds: readonly string[];
      /** The suggested text and the passage's text it replaces. */
      suggestion: { text: string; quote: string } | null;
    },
    em: EntityManager,
  ): Promise<string> {
    const rows = await em.query<Array<{ id: string }>>(
      `INSERT INTO comments (project_id, section_id, parent_id, author_id, body, anchor_start, anchor_end, mention_ids,
                             suggestion, suggestion_quote)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::uuid[], $9, $10) RETURNING id`,
      [
        comment.projectId,
        comment.sectionId,
        comment.parentId,
        comment.authorId,
        comment.body,
        comment.anchor?.start ?? null,
        comment.anchor?.end ?? null,
        comment.mentionIds,
        comment.suggestion?.text ?? null,
        comment.suggestion?.quote ?? null,
      ],
    );
    const [row] = rows;
    if (!row) {
      throw new Error('INSERT INTO comments returned no row');
    }
    return row.id;
  }

  async updateBody(commentId: string, body: string, mentionIds: readonly string[], em: EntityManager): Promise<void> {
    await em.query('UPDATE comments SET body = $2, mention_ids = $3::uuid[], edited_at = now() WHERE id = $1', [
      commentId,
      body,
      mentionIds,
    ]);
  }

  /** Resolves (with the resolver) or reopens (`resolvedBy` null) a thread root. */
  async setResolved(commentId: string, resolvedBy: string | null, em: EntityManager): Promise<void> {
    await em.query(
      `UPDATE comments SET resolved_by = $2, resolved_at = CASE WHEN $2::uuid IS NULL THEN NULL ELSE now() END
        WHERE id = $1 AND parent_id IS NULL`,
      [commentId, resolvedBy],
    );
  }

  /**
   * Records a thread's suggested change as accepted by `userId` and resolves the thread; the
   * anchor moves to the new text (`anchor` null, when the change deleted the passage, keeps
   * the old one, which then no longer resolves).
   */
  async acceptSuggestion(
    commentId: string,
    userId: string,
    anchor: { start: Buffer; end: Buffer } | null,
    em: EntityManager,
  ): Promise<void> {
    await em.query(
      `UPDATE comments
          SET suggestion_accepted_at = now(), suggestion_accepted_by = $2, resolved_at = now(), resolved_by = $2,
              anchor_start = coalesce($3, anchor_start), anchor_end = coalesce($4, anchor_end)
        WHERE id = $1 AND parent_id IS NULL AND suggestion IS NOT NULL`,
      [commentId, userId, anchor?.start ?? null, anchor?.end ?? null],
    );
  }

  async moveAnchor(commentId: string, anchor: { start: Buffer; end: Buffer }, em: EntityManager): Promise<void> {
    await em.query(`UPDATE comments SET anchor_start = $2, anchor_end = $3 WHERE id = $1 AND parent_id IS NULL`, [
      commentId,
      anchor.start,
      anchor.end,
    ]);
  }

  /** Deletes a comment; a root takes its replies with it. Returns how many replies went. */
  async delete(commentId: string, em: EntityManager): Promise<number> {
    const replies = await em.query<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM comments WHERE parent_id = $1',
      [commentId],
    );
    await em.query('DELETE FROM comments WHERE id = $1', [commentId]);
    return replies[0]?.n ?? 0;
  }
}
