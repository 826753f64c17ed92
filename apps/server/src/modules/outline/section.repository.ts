import { DomainError, type NoObjection, type ReviewState } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { NO_OBJECTIONS_COLUMN, toNoObjections } from './transition.repository.js';

// TypeORM answers an UPDATE or DELETE with [rows, rowCount]; other statements with rows.

/** A live section as the services use it, with its assignees. */
export interface SectionRow {
  id: string;
  projectId: string;
  parentId: string | null;
  position: number;
  title: string;
  numbered: boolean;
  state: ReviewState;
  reviewerId: string | null;
  dueDate: string | null;
  targetWords: number | null;
  assigneeIds: string[];
  /** The "no objections" of the current review round (see `NO_OBJECTIONS_COLUMN`). */
  noObjections: NoObjection[];
  createdAt: Date;
  updatedAt: Date;
}

interface RawSection {
  id: string;
  project_id: string;
  parent_id: string | null;
  position: number;
  title: string;
  numbered: boolean;
  state: ReviewState;
  reviewer_id: string | null;
  due_date: string | null;
  target_words: number | null;
  assignee_ids: string[];
  no_objections: Array<Omit<NoObjection, 'at'> & { at: string }>;
  created_at: Date;
  updated_at: Date;
}

// Dates leave the database as text: node-postgres would turn a `date` into local midnight.
const SELECT_SECTION = `
  SELECT s.id, s.project_id, s.parent_id, s.position, s.title, s.numbered, s.state, s.reviewer_id,
         to_char(s.due_date, 'YYYY-MM-DD') AS due_date, s.target_words, s.created_at, s.updated_at,
         COALESCE((SELECT array_agg(a.user_id ORDER BY a.created_at, a.user_id)
                     FROM section_assignees a WHERE a.section_id = s.id), '{}') AS assignee_ids,
         ${NO_OBJECTIONS_COLUMN}
    FROM sections s`;

function toRow(raw: RawSection): SectionRow {
  return {
    id: raw.id,
    projectId: raw.project_id,
    parentId: raw.parent_id,
    position: raw.position,
    title: raw.title,
    numbered: raw.numbered,
    state: raw.state,
    reviewerId: raw.reviewer_id,
    dueDate: raw.due_date,
    targetWords: raw.target_words,
    assigneeIds: raw.assignee_ids,
    noObjections: toNoObjections(raw.no_objections),
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
  };
}

/** The only code touching `sections` and `section_assignees`; every query is scoped by project. */
@Injectable()
export class SectionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private q(em?: EntityManager): EntityManager {
    return em ?? this.db.manager;
  }

  /**
   * Serialises outline changes of one project: every change of the tree takes this lock
   * first, so two leads never interleave. `NO KEY UPDATE` leaves foreign-key checks of
   * other tables against the project row unblocked.
   */
  async lockOutline(projectId: string, em: EntityManager): Promise<void> {
    const rows = await em.query<unknown[]>('SELECT id FROM projects WHERE id = $1 FOR NO KEY UPDATE', [projectId]);
    if (rows.length === 0) {
      throw new DomainError('NOT_FOUND', 'No such project');
    }
  }

  async listLive(projectId: string, em?: EntityManager): Promise<SectionRow[]> {
    const rows = await this.q(em).query<RawSection[]>(
      `${SELECT_SECTION} WHERE s.project_id = $1 AND s.deleted_at IS NULL ORDER BY s.parent_id NULLS FIRST, s.position`,
      [projectId],
    );
    return rows.map(toRow);
  }

  /** A live section of the project; `forUpdate` locks its row until the transaction ends. */
  async findLive(projectId: string, sectionId: string, em?: EntityManager, forUpdate = false): Promise<SectionRow> {
    const lock = forUpdate ? ' FOR UPDATE OF s' : '';
    const rows = await this.q(em).query<RawSection[]>(
      `${SELECT_SECTION} WHERE s.project_id = $1 AND s.id = $2 AND s.deleted_at IS NULL${lock}`,
      [projectId, sectionId],
    );
    const row = rows[0];
    if (!row) {
      throw new DomainError('NOT_FOUND', 'No such section');
    }
    return toRow(row);
  }

  async insert(
    section: { projectId: string; parentId: string | null; position: number; title: string; numbered: boolean },
    em: EntityManager,
  ): Promise<string> {
    const rows = await em.query<Array<{ id: string }>>(
      `INSERT INTO sections (project_id, parent_id, position, title, numbered) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [section.projectId, section.parentId, section.position, section.title, section.numbered],
    );
    const [row] = rows;
    if (!row) {
      throw new Error('INSERT INTO sections returned no row');
    }
    return row.id;
  }

  /** Gives `ids` (siblings, in order) the positions 0..n-1 and `parentId` as parent. */
  async placeSiblings(parentId: string | null, ids: readonly string[], em: EntityManager): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    await em.query(
      `UPDATE sections s SET parent_id = $1, position = v.position, updated_at = now()
         FROM unnest($2::uuid[], $3::int[]) AS v(id, position)
        WHERE s.id = v.id AND (s.position <> v.position OR s.parent_id IS DISTINCT FROM $1)`,
      [parentId, ids, ids.map((_id, index) => index)],
    );
  }

  async update(
    sectionId: string,
    changes: {
      title?: string;
      numbered?: boolean;
      reviewerId?: string | null;
      dueDate?: string | null;
      targetWords?: number | null;
    },
    em: EntityManager,
  ): Promise<void> {
    const columns: Record<string, string> = {
      title: 'title',
      numbered: 'numbered',
      reviewerId: 'reviewer_id',
      dueDate: 'due_date',
      targetWords: 'target_words',
    };
    const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
    if (entries.length === 0) {
      return;
    }
    const sets = entries.map(([key], index) => `${columns[key]} = $${index + 2}`);
    await em.query(`UPDATE sections SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, [
      sectionId,
      ...entries.map(([, value]) => value),
    ]);
  }

  async replaceAssignees(sectionId: string, userIds: readonly string[], em: EntityManager): Promise<void> {
    await em.query('DELETE FROM section_assignees WHERE section_id = $1 AND NOT (user_id = ANY($2::uuid[]))', [
      sectionId,
      userIds,
    ]);
    await em.query(
      `INSERT INTO section_assignees (section_id, user_id, created_at)
       SELECT $1, v.user_id, clock_timestamp() FROM unnest($2::uuid[]) WITH ORDINALITY AS v(user_id, n)
       ORDER BY v.n
       ON CONFLICT DO NOTHING`,
      [sectionId, userIds],
    );
  }

  async setState(sectionId: string, state: ReviewState, em: EntityManager): Promise<void> {
    await em.query('UPDATE sections SET state = $2, updated_at = now() WHERE id = $1', [sectionId, state]);
  }

  /** Moves `ids` (a subtree, `rootId` first among them) into the trash together. */
  async trash(ids: readonly string[], rootId: string, actorId: string, em: EntityManager): Promise<void> {
    await em.query(
      `UPDATE sections SET deleted_at = now(), deleted_by = $3, trashed_with = $2, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`,
      [ids, rootId, actorId],
    );
  }

  /** Roots of deletions in the project's trash, newest first, with how many went with each. */
  async listTrash(
    projectId: string,
  ): Promise<Array<{ id: string; title: string; parentId: string | null; deletedAt: Date; deletedBy: string | null; descendants: number }>> {
    const rows = await this.db.query<
      Array<{ id: string; title: string; parent_id: string | null; deleted_at: Date; deleted_by: string | null; descendants: number }>
    >(
      `SELECT s.id, s.title, s.parent_id, s.deleted_at, s.deleted_by,
              (SELECT count(*)::int FROM sections d WHERE d.trashed_with = s.id AND d.id <> s.id) AS descendants
         FROM sections s
        WHERE s.project_id = $1 AND s.trashed_with = s.id
        ORDER BY s.deleted_at DESC, s.id`,
      [projectId],
    );
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      parentId: row.parent_id,
      deletedAt: row.deleted_at,
      deletedBy: row.deleted_by,
      descendants: row.descendants,
    }));
  }

  /** A deletion root in the trash with its former place, locked; NOT_FOUND otherwise. */
  async findTrashRoot(
    projectId: string,
    sectionId: string,
    em: EntityManager,
  ): Promise<{ id: string; title: string; parentId: string | null; position: number }> {
    const rows = await em.query<Array<{ id: string; title: string; parent_id: string | null; position: number }>>(
      `SELECT id, title, parent_id, position FROM sections
        WHERE project_id = $1 AND id = $2 AND trashed_with = id FOR UPDATE`,
      [projectId, sectionId],
    );
    const row = rows[0];
    if (!row) {
      throw new DomainError('NOT_FOUND', 'No such section in the trash');
    }
    return { id: row.id, title: row.title, parentId: row.parent_id, position: row.position };
  }

  /** Ids of the sections a restore brings back (the root and what was deleted with it). */
  async restore(rootId: string, em: EntityManager): Promise<string[]> {
    const [rows] = await em.query<[Array<{ id: string }>, number]>(
      `UPDATE sections SET deleted_at = NULL, deleted_by = NULL, trashed_with = NULL, updated_at = now()
        WHERE trashed_with = $1 RETURNING id`,
      [rootId],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Takes a member's assignments in the project away: as assignee, as reviewer, or both.
   * Returns the sections that changed, with what they had before.
   */
  async removeMemberAssignments(
    projectId: string,
    userId: string,
    what: { assignee: boolean; reviewer: boolean },
    em: EntityManager,
  ): Promise<Array<{ sectionId: string; role: 'assignee' | 'reviewer' }>> {
    const removed: Array<{ sectionId: string; role: 'assignee' | 'reviewer' }> = [];
    if (what.assignee) {
      const [rows] = await em.query<[Array<{ section_id: string }>, number]>(
        `DELETE FROM section_assignees a USING sections s
          WHERE a.section_id = s.id AND s.project_id = $1 AND a.user_id = $2 RETURNING a.section_id`,
        [projectId, userId],
      );
      removed.push(...rows.map((row) => ({ sectionId: row.section_id, role: 'assignee' as const })));
    }
    if (what.reviewer) {
      const [rows] = await em.query<[Array<{ id: string }>, number]>(
        `UPDATE sections SET reviewer_id = NULL, updated_at = now()
          WHERE project_id = $1 AND reviewer_id = $2 RETURNING id`,
        [projectId, userId],
      );
      removed.push(...rows.map((row) => ({ sectionId: row.id, role: 'reviewer' as const })));
    }
    return removed;
  }
}
