import type { Language, ReviewState } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/**
 * One of the caller's projects with one of its live sections; `section` is null for a
 * project without any (it still has a progress of 0 of 0).
 */
export interface MyWorkRow {
  projectId: string;
  projectTitle: string;
  projectLanguage: Language;
  section: {
    id: string;
    parentId: string | null;
    position: number;
    title: string;
    numbered: boolean;
    state: ReviewState;
    dueDate: string | null;
    assigneeIds: string[];
    reviewerId: string | null;
  } | null;
}

interface RawRow {
  project_id: string;
  project_title: string;
  project_language: Language;
  id: string | null;
  parent_id: string | null;
  position: number | null;
  title: string | null;
  numbered: boolean | null;
  state: ReviewState | null;
  due_date: string | null;
  assignee_ids: string[];
  reviewer_id: string | null;
}

/** The one query behind `GET /api/me/work`. */
@Injectable()
export class MyWorkRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Every live section of every project `userId` is a member of, in one query. Scoped by
   * the membership row itself: a project left or removed from has none, whatever
   * assignments were left behind. All sections (not only the caller's) come along because
   * the numbers and the progress depend on the whole outline.
   */
  async listForMember(userId: string): Promise<MyWorkRow[]> {
    // Dates leave the database as text: node-postgres would turn a `date` into local midnight.
    const rows = await this.db.query<RawRow[]>(
      `SELECT m.project_id, p.title AS project_title, p.language AS project_language,
              s.id, s.parent_id, s.position, s.title, s.numbered, s.state, s.reviewer_id,
              to_char(s.due_date, 'YYYY-MM-DD') AS due_date,
              COALESCE((SELECT array_agg(a.user_id ORDER BY a.created_at, a.user_id)
                          FROM section_assignees a WHERE a.section_id = s.id), '{}') AS assignee_ids
         FROM project_members m
         JOIN projects p ON p.id = m.project_id
         LEFT JOIN sections s ON s.project_id = m.project_id AND s.deleted_at IS NULL
        WHERE m.user_id = $1
        ORDER BY p.updated_at DESC, m.project_id`,
      [userId],
    );
    return rows.map((raw) => ({
      projectId: raw.project_id,
      projectTitle: raw.project_title,
      projectLanguage: raw.project_language,
      section:
        raw.id === null
          ? null
          : {
              id: raw.id,
              parentId: raw.parent_id,
              position: raw.position ?? 0,
              title: raw.title ?? '',
              numbered: raw.numbered ?? true,
              state: raw.state ?? 'draft',
              dueDate: raw.due_date,
              assigneeIds: raw.assignee_ids,
              reviewerId: raw.reviewer_id,
            },
    }));
  }
}
