import type { Language, NotificationKind, UserNotification } from '@kapitel/domain';
import { commentExcerpt, numberOutline, type NumberableSection } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';


// A notification about an accepted suggestion quotes the wording that went into the text; the
// others the comment's own words.
// A suggested change is told by its wording (a deletion, whose wording is empty, by its reason).
const COMMENT_TEXT = `CASE WHEN n.kind = 'suggestion_accepted' THEN c.suggestion
                           WHEN n.kind = 'suggested' THEN COALESCE(NULLIF(c.suggestion, ''), c.body)
                           ELSE c.body END`;

/** What one event tells its recipients. */
export interface NotificationEvent {
  kind: NotificationKind;
  projectId: string;
  sectionId: string;
  commentId?: string | null;
  actorId: string;
  /** The note of the review step (changes requested, no objections, reopen, withdrawal); kept as written. */
  note?: string | null;
}

/** A stored notification with what an e-mail about it says. */
export interface MailRow {
  email: string;
  recipient_name: string;
  kind: NotificationKind;
  project_id: string;
  project_title: string;
  language: Language;
  section_id: string | null;
  section_title: string | null;
  actor_name: string | null;
  comment_body: string | null;
  note: string | null;
}

interface ListRow {
  id: string;
  kind: NotificationKind;
  project_id: string;
  project_title: string;
  project_language: Language;
  section_id: string | null;
  section_title: string | null;
  actor_id: string | null;
  actor_name: string | null;
  comment_id: string | null;
  comment_body: string | null;
  note: string | null;
  created_at: Date;
  read_at: Date | null;
}

// A notification is visible to its recipient only while they are a member of its project.
const VISIBLE = `notifications n
  JOIN project_members m ON m.project_id = n.project_id AND m.user_id = n.user_id`;

/** The only code touching `notifications`; every query is scoped by the recipient. */
@Injectable()
export class NotificationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One row per recipient; returns the new ids. */
  async insert(event: NotificationEvent, userIds: readonly string[], em: EntityManager): Promise<string[]> {
    const rows = await em.query<Array<{ id: string }>>(
      `INSERT INTO notifications (user_id, kind, project_id, section_id, comment_id, actor_id, note)
       SELECT v.user_id, $2, $3, $4, $5, $6, $7 FROM unnest($1::uuid[]) WITH ORDINALITY AS v(user_id, n) ORDER BY v.n
       RETURNING id`,
      [userIds, event.kind, event.projectId, event.sectionId, event.commentId ?? null, event.actorId, event.note ?? null],
    );
    return rows.map((row) => row.id);
  }

  /** The facts of new notifications that their e-mails need, read in the same transaction. */
  mailRows(ids: readonly string[], em: EntityManager): Promise<MailRow[]> {
    return em.query<MailRow[]>(
      `SELECT u.email, u.name AS recipient_name, n.kind, n.project_id, p.title AS project_title, p.language,
              n.section_id, s.title AS section_title, a.name AS actor_name, ${COMMENT_TEXT} AS comment_body, n.note
         FROM notifications n
         JOIN users u ON u.id = n.user_id
         JOIN projects p ON p.id = n.project_id
         LEFT JOIN sections s ON s.id = n.section_id
         LEFT JOIN users a ON a.id = n.actor_id
         LEFT JOIN comments c ON c.id = n.comment_id
        WHERE n.id = ANY($1::uuid[])
        ORDER BY n.created_at, n.id`,
      [ids],
    );
  }

  /** The outline numbers ("2.1") of the live sections of these projects, as the outline shows them now. */
  private async sectionNumbers(projectIds: readonly string[]): Promise<Map<string, string | null>> {
    const distinct = [...new Set(projectIds)];
    if (distinct.length === 0) {
      return new Map();
    }
    const sections = await this.db.query<Array<{ id: string; project_id: string; parent_id: string | null; position: number; numbered: boolean }>>(
      'SELECT id, project_id, parent_id, position, numbered FROM sections WHERE project_id = ANY($1::uuid[]) AND deleted_at IS NULL',
      [distinct],
    );
    const byProject = new Map<string, NumberableSection[]>();
    for (const row of sections) {
      const list = byProject.get(row.project_id) ?? [];
      list.push({ id: row.id, parentId: row.parent_id, position: row.position, numbered: row.numbered });
      byProject.set(row.project_id, list);
    }
    return new Map([...byProject.values()].flatMap((list) => [...numberOutline(list)]));
  }

  /** A page of the user's notifications, newest first, older than the notification `before`. */
  async list(
    userId: string,
    query: { unread: boolean; before: string | null; limit: number },
  ): Promise<UserNotification[]> {
    const rows = await this.db.query<ListRow[]>(
      `SELECT n.id, n.kind, n.project_id, p.title AS project_title, p.language AS project_language,
              n.section_id, s.title AS section_title,
              n.actor_id, a.name AS actor_name, n.comment_id, ${COMMENT_TEXT} AS comment_body, n.note, n.created_at, n.read_at
         FROM ${VISIBLE}
         JOIN projects p ON p.id = n.project_id
         LEFT JOIN sections s ON s.id = n.section_id
         LEFT JOIN users a ON a.id = n.actor_id
         LEFT JOIN comments c ON c.id = n.comment_id
        WHERE n.user_id = $1
          AND (NOT $2::boolean OR n.read_at IS NULL)
          AND ($3::uuid IS NULL
               OR (n.created_at, n.id) < (SELECT b.created_at, b.id FROM notifications b WHERE b.id = $3 AND b.user_id = $1))
        ORDER BY n.created_at DESC, n.id DESC
        LIMIT $4`,
      [userId, query.unread, query.before, query.limit],
    );
    const numbers = await this.sectionNumbers(rows.filter((row) => row.section_id !== null).map((row) => row.project_id));
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      project: { id: row.project_id, title: row.project_title, language: row.project_language },
      section:
        row.section_id === null
          ? null
          : { id: row.section_id, title: row.section_title ?? '', number: numbers.get(row.section_id) ?? null },
      actor: row.actor_id === null ? null : { id: row.actor_id, name: row.actor_name ?? '' },
      comment:
        row.comment_id === null || row.comment_body === null
          ? null
          : { id: row.comment_id, excerpt: commentExcerpt(row.comment_body) },
      note: row.note,
      createdAt: row.created_at.toISOString(),
      readAt: row.read_at?.toISOString() ?? null,
    }));
  }

  async countUnread(userId: string): Promise<number> {
    const rows = await this.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM ${VISIBLE} WHERE n.user_id = $1 AND n.read_at IS NULL`,
      [userId],
    );
    return rows[0]?.n ?? 0;
  }

  /** Marks one visible notification read (keeping an earlier time); false when there is none. */
  async markRead(userId: string, id: string): Promise<boolean> {
    const [rows] = await this.db.query<[unknown[], number]>(
      `UPDATE notifications n SET read_at = COALESCE(n.read_at, now())
         FROM project_members m
        WHERE n.id = $2 AND n.user_id = $1 AND m.project_id = n.project_id AND m.user_id = n.user_id
        RETURNING n.id`,
      [userId, id],
    );
    return rows.length > 0;
  }

  /** Marks read the user's notifications about a thread's comments (its first comment and the replies). */
  async markThreadRead(userId: string, threadId: string, em: EntityManager): Promise<void> {
    await em.query(
      `UPDATE notifications SET read_at = now()
        WHERE user_id = $1 AND read_at IS NULL
          AND comment_id IN (SELECT id FROM comments WHERE id = $2 OR parent_id = $2)`,
      [userId, threadId],
    );
  }

  async markAllRead(userId: string): Promise<void> {
    await this.db.query(
      `UPDATE notifications n SET read_at = now()
         FROM project_members m
        WHERE n.user_id = $1 AND n.read_at IS NULL AND m.project_id = n.project_id AND m.user_id = n.user_id`,
      [userId],
    );
  }
}
