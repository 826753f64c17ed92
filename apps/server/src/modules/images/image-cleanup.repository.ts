import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Advisory lock (one bigint key, a space apart from the two-key export locks) held by the
 * process that collects unused images: one at a time, however many processes run. Any
 * constant shared by all Kapitel processes that no other lock of ours uses.
 */
export const IMAGE_CLEANUP_LOCK = 52_617_003;

/** A candidate for removal: an image of a project whose texts were left alone since the cutoff. */
export interface CleanupCandidate {
  projectId: string;
  id: string;
}

/** A stored version's two forms: the Yjs state a restore applies, and its JSON. */
export interface StoredVersionText {
  id: string;
  state: Buffer;
  json: unknown;
}

/**
 * "No text of the project changed at or after $cutoff" as SQL, for the project `$project`:
 * no snapshot compacted since and no update logged since (every edit, a restored version
 * included, is logged first; a compaction follows edits, never precedes them).
 */
const QUIET = (project: string, cutoff: string): string => `
  NOT EXISTS (SELECT 1 FROM sections s JOIN section_documents d ON d.section_id = s.id
               WHERE s.project_id = ${project} AND d.updated_at >= ${cutoff})
  AND NOT EXISTS (SELECT 1 FROM sections s JOIN section_updates u ON u.section_id = s.id
                   WHERE s.project_id = ${project} AND u.created_at >= ${cutoff})`;

/**
 * The queries of the image cleanup (docs/images.md, "Removing unused images"). It reads the
 * outline, versions and comments tables directly, as the export's ReportSource does; the
 * current texts it reads through DocumentRepository.
 */
@Injectable()
export class ImageCleanupRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Takes the cleanup lock on the caller's own connection if nobody holds it. */
  async tryLock(connection: EntityManager): Promise<boolean> {
    const [row] = await connection.query<Array<{ locked: boolean }>>(
      'SELECT pg_try_advisory_lock($1) AS locked',
      [IMAGE_CLEANUP_LOCK],
    );
    return row.locked;
  }

  async unlock(connection: EntityManager): Promise<void> {
    await connection.query('SELECT pg_advisory_unlock($1)', [IMAGE_CLEANUP_LOCK]);
  }

  /** The database's now minus `days`: one clock for every process, whatever their own say. */
  async cutoff(days: number): Promise<Date> {
    const [row] = await this.db.query<Array<{ cutoff: Date }>>(
      'SELECT now() - make_interval(days => $1) AS cutoff',
      [days],
    );
    return row.cutoff;
  }

  /**
   * Up to `limit` images older than `cutoff` of projects whose texts did not change since,
   * in (project, id) order after `after`. An image of a project being edited is no candidate.
   */
  candidates(cutoff: Date, after: CleanupCandidate | null, limit: number): Promise<CleanupCandidate[]> {
    return this.db.query<CleanupCandidate[]>(
      `SELECT i.project_id AS "projectId", i.id FROM images i
        WHERE i.created_at < $1 AND (i.project_id, i.id) > ($2::uuid, $3::uuid) AND ${QUIET('i.project_id', '$1')}
        ORDER BY i.project_id, i.id LIMIT $4`,
      [
        cutoff,
        after?.projectId ?? '00000000-0000-0000-0000-000000000000',
        after?.id ?? '00000000-0000-0000-0000-000000000000',
        limit,
      ],
    );
  }

  /** Every section of the project, those in the trash included (a restore brings them back). */
  async sectionIds(projectId: string): Promise<string[]> {
    const rows = await this.db.query<Array<{ id: string }>>(
      'SELECT id FROM sections WHERE project_id = $1 ORDER BY id',
      [projectId],
    );
    return rows.map((row) => row.id);
  }

  /** A page of the stored versions (approvals and named ones) of every section of the project, by id. */
  versions(projectId: string, afterId: string | null, limit: number): Promise<StoredVersionText[]> {
    return this.db.query<StoredVersionText[]>(
      `SELECT v.id, v.state, v.json FROM section_versions v JOIN sections s ON s.id = v.section_id
        WHERE s.project_id = $1 AND ($2::uuid IS NULL OR v.id > $2::uuid)
        ORDER BY v.id LIMIT $3`,
      [projectId, afterId, limit],
    );
  }

  /**
   * In one transaction: removes those of `unused` that are still older than `cutoff`, in a
   * project whose texts still did not change since, and that no comment names (checked here,
   * in the statement that deletes, so a change committed meanwhile keeps them); then renews
   * every other of `all` that is still older than `cutoff` (`created_at` = now), so that a kept
   * image is looked at again only after the retention period. Returns what was removed.
   */
  removeUnused(
    projectId: string,
    unused: string[],
    all: string[],
    cutoff: Date,
  ): Promise<Array<{ id: string; size: number }>> {
    return this.db.transaction(async (em) => {
      // `created_at < $3` is on the deleted row itself: should an upload of the same bytes renew
      // it meanwhile, the DELETE waits for that row and re-checks it (READ COMMITTED), and keeps it.
      // (In a WITH, so that TypeORM hands back the rows rather than [rows, count].)
      const removed = await em.query<Array<{ id: string; size: number }>>(
        `WITH gone AS (
           DELETE FROM images i
            WHERE i.project_id = $1 AND i.id = ANY($2::uuid[]) AND i.created_at < $3 AND ${QUIET('$1', '$3')}
              AND NOT EXISTS (SELECT 1 FROM comments c WHERE c.project_id = $1 AND strpos(lower(c.body), i.id::text) > 0)
            RETURNING i.id, i.size)
         SELECT id, size FROM gone`,
        [projectId, unused, cutoff],
      );
      await em.query(
        'UPDATE images SET created_at = now() WHERE project_id = $1 AND id = ANY($2::uuid[]) AND created_at < $3',
        [projectId, all, cutoff],
      );
      return removed;
    });
  }
}
