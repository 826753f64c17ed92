import type { ExportErrorCode, ExportJob, ExportMode, ExportStandard, ExportStatus } from '@kapitel/domain';
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
  error_code: ExportErrorCode | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  finished_at: Date | null;
  size: number | null;
  filename: string | null;
  standard: ExportStandard | null;
  images_without_alt: number | null;
  missing_references: number | null;
}

/** What a finished job stores besides its state. */
export interface FinishedExport {
  pdf: Uint8Array;
  filename: string;
  standard: ExportStandard | null;
  imagesWithoutAlt: number;
  missingReferences: number;
}

/** A job that a dying process left running, as `recover` left it: queued again, or given up. */
export interface RecoveredExport {
  id: string;
  projectId: string;
  status: 'queued' | 'failed';
}

// Never the pdf column: lists and status polls must not read megabytes. The requester's
// name comes along (null once the account is gone: created_by is set null then).
const JOB_COLUMNS = `e.id, e.mode, e.status, e.progress, e.error, e.error_code, e.created_by, u.name AS created_by_name,
  e.created_at, e.finished_at, e.size, e.filename, e.standard, e.images_without_alt, e.missing_references`;
const SELECT_JOB = `SELECT ${JOB_COLUMNS} FROM exports e LEFT JOIN users u ON u.id = e.created_by`;

function toJob(raw: RawExport): ExportJob {
  return {
    id: raw.id,
    mode: raw.mode,
    status: raw.status,
    progress: Math.round(raw.progress * 100) / 100,
    error: raw.error,
    errorCode: raw.error_code,
    createdBy: raw.created_by,
    createdByName: raw.created_by_name,
    createdAt: raw.created_at.toISOString(),
    finishedAt: raw.finished_at ? raw.finished_at.toISOString() : null,
    size: raw.size,
    filename: raw.filename,
    standard: raw.standard,
    imagesWithoutAlt: raw.images_without_alt,
    missingReferences: raw.missing_references,
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
      `WITH e AS (INSERT INTO exports (project_id, mode, created_by) VALUES ($1, $2, $3) RETURNING *)
       SELECT ${JOB_COLUMNS} FROM e LEFT JOIN users u ON u.id = e.created_by`,
      [projectId, mode, createdBy],
    );
    return toJob(rows[0]);
  }

  /** The project's exports, newest first. */
  async list(projectId: string, limit: number): Promise<ExportJob[]> {
    const rows = await this.db.query<RawExport[]>(
      `${SELECT_JOB} WHERE e.project_id = $1 ORDER BY e.created_at DESC, e.id DESC LIMIT $2`,
      [projectId, limit],
    );
    return rows.map(toJob);
  }

  async findById(projectId: string, exportId: string): Promise<ExportJob | null> {
    const rows = await this.db.query<RawExport[]>(`${SELECT_JOB} WHERE e.project_id = $1 AND e.id = $2`, [projectId, exportId]);
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
   * statement the session advisory lock that marks it as alive until the runner lets go
   * (a session lock: it outlives the transaction `em` may be in).
   * `SKIP LOCKED`: two processes claiming at once take different jobs.
   */
  async claimNext(em: EntityManager, lockSpace: number): Promise<ClaimedExport | null> {
    // An UPDATE answers [rows, rowCount] through TypeORM.
    const [rows] = await em.query<[Array<{ id: string; project_id: string; mode: ExportMode; created_by: string | null; created_at: Date }>, number]>(
      `WITH next AS (
         SELECT id FROM exports WHERE status = 'queued' ORDER BY created_at, id FOR UPDATE SKIP LOCKED LIMIT 1
       )
       UPDATE exports e SET status = 'running', progress = 0.05, error = NULL, error_code = NULL, started_at = now(),
           attempts = e.attempts + 1
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
  async finish(
    exportId: string,
    { pdf, filename, standard, imagesWithoutAlt, missingReferences }: FinishedExport,
    em: EntityManager,
  ): Promise<boolean> {
    const [, count] = await em.query<[unknown, number]>(
      `UPDATE exports SET status = 'done', progress = 1, pdf = $2, size = $3, filename = $4, standard = $5,
          images_without_alt = $6, missing_references = $7, finished_at = now()
        WHERE id = $1 AND status = 'running'`,
      [
        exportId,
        Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength),
        pdf.byteLength,
        filename,
        standard,
        imagesWithoutAlt,
        missingReferences,
      ],
    );
    return count > 0;
  }

  /** Marks the job failed, with its reason as a sentence and as a code; false when it is no longer this runner's. */
  async fail(exportId: string, error: string, code: ExportErrorCode, em: EntityManager): Promise<boolean> {
    const [, count] = await em.query<[unknown, number]>(
      `UPDATE exports SET status = 'failed', error = $2, error_code = $3, finished_at = now() WHERE id = $1 AND status = 'running'`,
      [exportId, error.slice(0, 2000), code],
    );
    return count > 0;
  }

  /** Back into the queue (the server stops); the interrupted attempt does not count. False when it was not running. */
  async requeue(exportId: string, em: EntityManager): Promise<boolean> {
    const [, count] = await em.query<[unknown, number]>(
      `UPDATE exports SET status = 'queued', progress = 0, started_at = NULL, attempts = GREATEST(attempts - 1, 0)
        WHERE id = $1 AND status = 'running'`,
      [exportId],
    );
    return count > 0;
  }

  /** Ids of the jobs marked running, by any process (ExportRunner.recoverOrphans sorts out the dead ones). */
  async findRunningIds(em: EntityManager): Promise<string[]> {
    const rows = await em.query<Array<{ id: string }>>(`SELECT id FROM exports WHERE status = 'running'`);
    return rows.map((row) => row.id);
  }

  /** Takes the job's advisory lock if nobody holds it: then no living process runs the job. */
  async tryLock(em: EntityManager, lockSpace: number, exportId: string): Promise<boolean> {
    const [lock] = await em.query<Array<{ free: boolean }>>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS free', [lockSpace, exportId]);
    return lock?.free === true;
  }

  /**
   * A running job of a process that died: queued again, or failed (`INTERRUPTED`) once it
   * was started MAX_ATTEMPTS times. Null when it is no longer running.
   */
  async recover(exportId: string, em: EntityManager): Promise<RecoveredExport | null> {
    const [rows] = await em.query<[Array<{ id: string; project_id: string; status: 'queued' | 'failed' }>, number]>(
      `UPDATE exports SET
         status = CASE WHEN attempts < $2 THEN 'queued' ELSE 'failed' END,
         error = CASE WHEN attempts < $2 THEN NULL ELSE 'The server stopped while this export ran, ' || attempts || ' times; it was given up.' END,
         error_code = CASE WHEN attempts < $2 THEN NULL ELSE 'INTERRUPTED' END,
         progress = CASE WHEN attempts < $2 THEN 0 ELSE progress END,
         finished_at = CASE WHEN attempts < $2 THEN NULL ELSE now() END
       WHERE id = $1 AND status = 'running'
       RETURNING id, project_id, status`,
      [exportId, MAX_ATTEMPTS],
    );
    const row = rows[0];
    return row ? { id: row.id, projectId: row.project_id, status: row.status } : null;
  }

  async unlock(em: EntityManager, lockSpace: number, exportId: string): Promise<void> {
    await em.query('SELECT pg_advisory_unlock($1, hashtext($2))', [lockSpace, exportId]);
  }
}
