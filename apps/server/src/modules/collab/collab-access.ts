import { can, type Role } from '@kapitel/domain';
import type { ReviewState } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** What a user may do in a section's live document right now. */
export interface SectionAccess {
  projectId: string;
  role: Role;
  name: string;
  canWrite: boolean;
}

// Colours for carets and avatars: distinct, and dark enough for white text (WCAG AA).
const COLOURS = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#b45309', '#0e7490', '#be185d', '#4d7c0f'];

/** A stable colour for a user. */
export function colourOf(userId: string): string {
  let hash = 0;
  for (const char of userId) {
    hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  }
  return COLOURS[hash % COLOURS.length];
}

/** Answers "may this user open / write this section" from the database, with the one permission table. */
@Injectable()
export class CollabAccess {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Null when the section does not exist or the user is no member; `'trashed'` when the
   * section is in the trash and the user a member (who may learn that much: it left the
   * outline they see).
   */
  async resolve(userId: string, sectionId: string): Promise<SectionAccess | 'trashed' | null> {
    const rows = await this.db.query<
      Array<{ project_id: string; state: ReviewState; role: Role; name: string; assigned: boolean; trashed: boolean }>
    >(
      `SELECT s.project_id, s.state, m.role, u.name, s.deleted_at IS NOT NULL AS trashed,
              EXISTS (SELECT 1 FROM section_assignees a WHERE a.section_id = s.id AND a.user_id = $2) AS assigned
         FROM sections s
         JOIN project_members m ON m.project_id = s.project_id AND m.user_id = $2
         JOIN users u ON u.id = $2
        WHERE s.id = $1`,
      [sectionId, userId],
    );
    const row = rows[0];
    if (!row) {
      return null;
    }
    if (row.trashed) {
      return 'trashed';
    }
    return {
      projectId: row.project_id,
      role: row.role,
      name: row.name,
      canWrite: can(row.role, 'section.edit', { reviewState: row.state, isAssignee: row.assigned }),
    };
  }

  /** The project of a section (also one in the trash); null when it does not exist. */
  async projectOf(sectionId: string): Promise<string | null> {
    const rows = await this.db.query<Array<{ project_id: string }>>('SELECT project_id FROM sections WHERE id = $1', [sectionId]);
    return rows[0]?.project_id ?? null;
  }
}
