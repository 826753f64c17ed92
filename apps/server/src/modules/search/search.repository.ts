import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** A live section's stored plain text, and the newest edit waiting in its update log (then the text lags behind). */
export interface StoredText {
  sectionId: string;
  /** As the last compaction left it; empty when the section was never compacted. */
  text: string;
  /** The newest edit waiting in the log (its id), or null when none waits: then `text` is current. */
  lastUpdate: string | null;
}

/** A comment of a live section, as the search compares and shows it. */
export interface StoredComment {
  id: string;
  /** The thread's first comment (the comment's own id when it starts the thread). */
  threadId: string;
  sectionId: string;
  body: string;
  /** Null once the author's account is deleted. */
  authorName: string | null;
  createdAt: Date;
  /** Whether the thread is resolved (only a thread's first comment holds that). */
  resolved: boolean;
}

/**
 * Read-only access to the texts the search looks through. The search owns no table: it
 * reads what compaction stores in `section_documents` (documents module), for all live
 * sections of a project in one statement, so text and "pending" come from one snapshot.
 * Comments it reads from `comments` (comments module) with its own SQL, to stay one query
 * and keep the comments module's repository private.
 */
@Injectable()
export class SearchRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async storedTexts(projectId: string): Promise<StoredText[]> {
    const rows = await this.db.query<Array<{ id: string; text: string | null; last_update: string | null }>>(
      `SELECT s.id, d.text, (SELECT max(u.id)::text FROM section_updates u WHERE u.section_id = s.id) AS last_update
         FROM sections s LEFT JOIN section_documents d ON d.section_id = s.id
        WHERE s.project_id = $1 AND s.deleted_at IS NULL`,
      [projectId],
    );
    return rows.map((row) => ({ sectionId: row.id, text: row.text ?? '', lastUpdate: row.last_update }));
  }

  /**
   * Every comment (thread starts and replies) of the project's live sections, newest first.
   * Deleted comments are gone from the table; those of a section in the trash are kept for a
   * restore and left out here, like the section's text.
   */
  async comments(projectId: string): Promise<StoredComment[]> {
    const rows = await this.db.query<
      Array<{ id: string; thread_id: string; section_id: string; body: string; author_name: string | null; created_at: Date; resolved: boolean }>
    >(
      `SELECT c.id, root.id AS thread_id, c.section_id, c.body, au.name AS author_name, c.created_at,
              root.resolved_at IS NOT NULL AS resolved
         FROM comments c
         JOIN sections s ON s.id = c.section_id AND s.project_id = c.project_id
         JOIN comments root ON root.id = COALESCE(c.parent_id, c.id) AND root.project_id = c.project_id
         LEFT JOIN users au ON au.id = c.author_id
        WHERE c.project_id = $1 AND s.deleted_at IS NULL
        ORDER BY c.created_at DESC, c.id DESC`,
      [projectId],
    );
    return rows.map((row) => ({
      id: row.id,
      threadId: row.thread_id,
      sectionId: row.section_id,
      body: row.body,
      authorName: row.author_name,
      createdAt: row.created_at,
      resolved: row.resolved,
    }));
  }
}
