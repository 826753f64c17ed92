import type { ExportJob, ExportMode, ExportStatus } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** A job as the runner takes it from the queue. */
export interface ClaimedExport {
  id: string;
  projectId: string;
  mode: ExportMode;
  createdBy: string | null;
  createdAt: Date;
}

interface RawExport {
  id: string;
  mode: ExportMode;
  status: ExportStatus;
  progress: number;
  error: string | null;
  created_by: string | null;
  created_at: Date;
  finished_at: Date | null;
  size: number | null;
  filename: string | null;
}

// Never the pdf column: lists and status polls must not read megabytes.
const SELECT_JOB = `SELECT id, mode, status, progress, error, created_by, created_at, finished_at, size, filename FROM exports`;

function toJob(raw: RawExport): ExportJob {
  return {
    id: raw.id,
    mode: raw.mode,
    status: raw.status,
    progress: Math.round(raw.progress * 100) / 100,
    error: raw.error,
    createdBy: raw.created_by,
    createdAt: raw.created_at.toISOString(),
    finishedAt: raw.finished_at ? raw.finished_at.toISOString() : null,
    size: raw.size,
    filename: raw.filename,
  };
}

/** How many times a job interrupted by a dying process is started again. */
export const MAX_ATTEMPTS = 3;

/** The only code touching `exports`; reads are scoped by project. */
@Injectable()
export class ExportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(projectId: string, mode: ExportMode, createdBy: string, em: EntityManager): Promise<ExportJob> {
    const rows = await em.query<RawExport[]>(
      `INSERT INTO exports (project_id, mode, created_by) VALUES ($1, $2, $3)
       RETURNING id, mode, status, progress, error, created_by, created_at, finished_at, size, filename`,
      [projectId, mode, createdBy],
    );
    return toJob(rows[0]);
  }

  /** The project's exports, newest first. */
  async list(projectId: string, limit: number): Promise<ExportJob[]> {
    const rows = await this.db.query<RawExport[]>(
      `${SELECT_JOB} WHERE project_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
      [projectId, limit],
    );
    return rows.map(toJob);
  }

  async findById(projectId: string, exportId: string): Promise<ExportJob | null> {
    const rows = await this.db.query<RawExport[]>(`${SELECT_JOB} WHERE project_id = $1 AND id = $2`, [projectId, exportId]);
    return rows[0] ? toJob(rows[0]) : null;
  }

  async findFile(projectId: string, exportId: string): Promise<{ pdf: Buffer; filename: string } | null> {
    const rows = await this.db.query<Array<{ pdf: Buffer | null; filename: string | null }>>(
      `SELECT pdf, filename FROM exports WHERE project_id = $1 AND id = $2 AND status = 'done'`,
      [projectId, exportId],
    );
    const row = rows[0];
    return row?.pdf && row.filename ? { pdf: row.pdf, filename: row.filename } : null;
  }

  /**
   * Takes the oldest queued job, on the runner's own connection `em`, and in the same
   * statement the session advisory lock that marks it as alive until the runner lets go.
   * `SKIP LOCKED`: two processes claiming at once take different jobs.
   */
  async claimNext(em: EntityManager, lockSpace: number): Promise<ClaimedExport | null> {
    // An UPDATE answers [rows, rowCount] through TypeORM.
    const [rows] = await em.query<[Array<{ id: string; project_id: string; mode: ExportMode; created_by: string | null; created_at: Date }>, number]>(
      `WITH next AS (
         SELECT id FROM exports WHERE status = 'queued' ORDER BY created_at, id FOR UPDATE SKIP LOCKED LIMIT 1
       )
       UPDATE exports e SET status = 'running', progress = 0.05, error = NULL, started_at = now(), attempts = e.attempts + 1
         FROM next WHERE e.id = next.id
       RETURNING e.id, e.project_id, e.mode, e.created_by, e.created_at, pg_advisory_lock($1, hashtext(e.id::text)) AS locked`,
      [lockSpace],
    );
    const row = rows[0];
    return row ? { id: row.id, projectId: row.project_id, mode: row.mode, createdBy: row.created_by, createdAt: row.created_at } : null;
  }

  async setProgress(exportId: string, progress: number): Promise<void> {
    await this.db.query(
      `UPDATE exports SET progress = GREATEST(progress, $2) WHERE id = $1 AND status = 'running'`,
      [exportId, Math.min(1, Math.max(0, progress))],
    );
  }

  /** Stores the PDF; false when the job is no longer this runner's (given up as orphaned). */
  async finish(exportId: string, pdf: Uint8Array, filename: string, em: EntityManager): Promise<boolean> {
    const [, count] = await em.query<[unknown, number]>(
      `UPDATE exports SET status = 'done', progress = 1, pdf = $2, size = $3, filename = $4, finished_at = now()
        WHERE id = $1 AND status = 'running'`,
      [exportId, Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), pdf.byteLength, filename],
    );
    return count > 0;
  }

  /** Marks the job failed; false when it is no longer this runner's. */
  async fail(exportId: string, error: string, em: EntityManager): Promise<boolean> {
    const [, count] = await em.query<[unknown, number]>(
      `UPDATE exports SET status = 'failed', error = $2, finished_at = now() WHERE id = $1 AND status = 'running'`,
      [exportId, error.slice(0, 2000)],
    );
    return count > 0;
  }

  /** Back into the queue (the server stops); the interrupted attempt does not count. */
  async requeue(exportId: string): Promise<void> {
    await this.db.query(
      `UPDATE exports SET status = 'queued', progress = 0, started_at = NULL, attempts = GREATEST(attempts - 1, 0)
        WHERE id = $1 AND status = 'running'`,
      [exportId],
    );
  }

  /**
   * Running jobs whose advisory lock nobody holds belong to a process that died: queued
   * again, or failed after MAX_ATTEMPTS. Runs on the runner's connection `em` while that
   * runner holds no job, so a lock it can take is nobody's.
   */
  async recoverOrphans(em: EntityManager, lockSpace: number): Promise<string[]> {
    const running = await em.query<Array<{ id: string }>>(`SELECT id FROM exports WHERE status = 'running'`);
    const recovered: string[] = [];
    for (const { id } of running) {
      const [lock] = await em.query<Array<{ free: boolean }>>(
        'SELECT pg_try_advisory_lock($1, hashtext($2)) AS free',
        [lockSpace, id],
      );
      if (!lock?.free) {
        continue;
      }
      try {
        await em.query(
          `UPDATE exports SET
             status = CASE WHEN attempts < $2 THEN 'queued' ELSE 'failed' END,
             error = CASE WHEN attempts < $2 THEN NULL ELSE 'The server stopped while this export ran, ' || attempts || ' times; it was given up.' END,
             progress = CASE WHEN attempts < $2 THEN 0 ELSE progress END,
             finished_at = CASE WHEN attempts < $2 THEN NULL ELSE now() END
           WHERE id = $1 AND status = 'running'`,
          [id, MAX_ATTEMPTS],
        );
        recovered.push(id);
      } finally {
        await em.query('SELECT pg_advisory_unlock($1, hashtext($2))', [lockSpace, id]);
      }
    }
    return recovered;
  }

  async unlock(em: EntityManager, lockSpace: number, exportId: string): Promise<void> {
    await em.query('SELECT pg_advisory_unlock($1, hashtext($2))', [lockSpace, exportId]);
  }
}
