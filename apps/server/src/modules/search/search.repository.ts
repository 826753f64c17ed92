import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** A live section's stored plain text, and whether edits wait in its update log (then the text lags behind). */
export interface StoredText {
  sectionId: string;
  /** As the last compaction left it; empty when the section was never compacted. */
  text: string;
  pending: boolean;
}

/**
 * Read-only access to the texts the search looks through. The search owns no table: it
 * reads what compaction stores in `section_documents` (documents module), for all live
 * sections of a project in one statement, so text and "pending" come from one snapshot.
 */
@Injectable()
export class SearchRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async storedTexts(projectId: string): Promise<StoredText[]> {
    const rows = await this.db.query<Array<{ id: string; text: string | null; pending: boolean }>>(
      `SELECT s.id, d.text, EXISTS (SELECT 1 FROM section_updates u WHERE u.section_id = s.id) AS pending
         FROM sections s LEFT JOIN section_documents d ON d.section_id = s.id
        WHERE s.project_id = $1 AND s.deleted_at IS NULL`,
      [projectId],
    );
    return rows.map((row) => ({ sectionId: row.id, text: row.text ?? '', pending: row.pending }));
  }
}
