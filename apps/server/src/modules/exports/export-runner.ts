import { DomainError, EXPORT_ERROR_CODES, type ExportErrorCode } from '@kapitel/domain';
import { ExportRenderError, ExportWorker } from '@kapitel/export';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { announceChange } from '../../common/project-changes.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import { exportFilename } from './export-filename.js';
import { ExportRepository, type ClaimedExport } from './export.repository.js';
import { reportDate, ReportSource } from './report-source.js';

// Advisory lock space of running export jobs (key 2: hashtext of the job id); any constant
// shared by all Kapitel processes that no other lock of ours uses.
const EXPORT_LOCK_SPACE = 52_617_002;

/** Why a job failed, as stored: a sentence for people, a code for programs. */
interface Failure {
  message: string;
  code: ExportErrorCode;
}

/** The failure to store for a known error (render or domain); null for a bug, which is logged. */
function failureOf(error: unknown): Failure | null {
  if (error instanceof ExportRenderError) {
    return { message: error.message, code: error.code ?? 'UNEXPECTED' };
  }
  if (error instanceof DomainError) {
    const code = (EXPORT_ERROR_CODES as readonly string[]).includes(error.code) ? (error.code as ExportErrorCode) : 'UNEXPECTED';
    return { message: error.message, code };
  }
  return null;
}

/**
 * Runs the export queue of this process: one job at a time, taken from PostgreSQL (so a
 * restart loses nothing and several processes share the queue), rendered in the export
 * renderer process (so the event loop stays free for HTTP and live editing, and Typst's
 * memory is given back when that process ends), stored as bytea. Every change of a job's
 * status (not of its progress) is announced as an `exports` change, in the transaction
 * that makes it. docs/export.md, "Jobs".
 */
@Injectable()
export class ExportRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ExportRunner.name);
  private readonly worker: ExportWorker;
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private stopping = false;

  constructor(
    private readonly exports: ExportRepository,
    private readonly source: ReportSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    this.worker = new ExportWorker({
      timeoutMs: config.exportTimeoutSeconds * 1000,
      maxRssBytes: config.exportRendererMaxMib * 1024 * 1024,
      idleMs: config.exportRendererIdleSeconds * 1000,
    });
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.wake(), this.config.exportPollSeconds * 1000);
    this.timer.unref();
    this.wake();
  }

  /** The running job is put back into the queue; the worker ends. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.timer) {
      clearInterval(this.timer);
    }
    await this.worker.close();
    await this.draining;
  }

  /** Looks for work now (a job was just queued) instead of at the next poll. */
  wake(): void {
    if (this.stopping) {
      return;
    }
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((error: unknown) => this.logger.error({ err: error }, 'The export queue could not be read'))
      .finally(() => {
        this.draining = null;
        if (this.again && !this.stopping) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Recovers orphaned jobs, then runs queued ones until none is left, on one connection of its own. */
  private async drain(): Promise<void> {
    const connection = this.db.createQueryRunner();
    await connection.connect();
    try {
      const recovered = await this.recoverOrphans(connection.manager);
      if (recovered.length > 0) {
        this.logger.warn({ exportIds: recovered }, 'Export jobs of a stopped process were put back into the queue');
      }
      while (!this.stopping) {
        const job = await this.claim(connection.manager);
        if (!job) {
          break;
        }
        try {
          await this.run(job);
        } finally {
          await this.exports.unlock(connection.manager, EXPORT_LOCK_SPACE, job.id);
        }
      }
    } finally {
      await this.release(connection);
    }
  }

  /** The oldest queued job, now running, announced in the transaction that claims it (on the runner's connection). */
  private claim(connection: EntityManager): Promise<ClaimedExport | null> {
    return connection.transaction(async (em) => {
      const job = await this.exports.claimNext(em, EXPORT_LOCK_SPACE);
      if (job) {
        await this.announce(job, em);
      }
      return job;
    });
  }

  /**
   * Running jobs whose advisory lock nobody holds belong to a process that died: queued
   * again, or failed after MAX_ATTEMPTS. Runs on the runner's connection while that runner
   * holds no job, so a lock it can take is nobody's.
   */
  private async recoverOrphans(connection: EntityManager): Promise<string[]> {
    const recovered: string[] = [];
    for (const id of await this.exports.findRunningIds(connection)) {
      if (!(await this.exports.tryLock(connection, EXPORT_LOCK_SPACE, id))) {
        continue;
      }
      try {
        const job = await connection.transaction(async (em) => {
          const outcome = await this.exports.recover(id, em);
          if (outcome) {
            await this.announce(outcome, em);
          }
          return outcome;
        });
        if (job) {
          recovered.push(id);
        }
      } finally {
        await this.exports.unlock(connection, EXPORT_LOCK_SPACE, id);
      }
    }
    return recovered;
  }

  private async run(job: ClaimedExport): Promise<void> {
    const started = Date.now();
    const progress = (value: number): void => {
      this.exports.setProgress(job.id, value).catch((error: unknown) => this.logger.warn({ err: error }, 'Export progress not stored'));
    };
    try {
      const model = await this.source.build(job.projectId, job.mode, job.createdAt, (share) => progress(0.05 + 0.45 * share));
      progress(0.5);
      const rendered = await this.worker.render(model, (stage) => progress(stage === 'prepared' ? 0.6 : 0.9));
      const { pdf, standard, imagesWithoutAlt, missingReferences } = rendered;
      const filename = exportFilename(model.title, model.language, job.mode, reportDate(job.createdAt));
      await this.db.transaction(async (em) => {
        if (await this.exports.finish(job.id, { ...rendered, filename }, em)) {
          const details = { mode: job.mode, size: pdf.byteLength, standard, imagesWithoutAlt, missingReferences };
          await this.record(job, 'export.completed', details, em);
          await this.announce(job, em);
        }
      });
      this.logger.log({ exportId: job.id, mode: job.mode, bytes: pdf.byteLength, ms: Date.now() - started }, 'Export done');
    } catch (error) {
      if (this.stopping) {
        await this.db.transaction(async (em) => {
          if (await this.exports.requeue(job.id, em)) {
            await this.announce(job, em);
          }
        });
        return;
      }
      const known = failureOf(error);
      if (!known) {
        // Deleting a project deletes its jobs: whatever this one tripped over then is no fault.
        if ((await this.exports.findById(job.projectId, job.id).catch(() => undefined)) === null) {
          this.logger.log({ exportId: job.id }, 'Export dropped: its project was deleted meanwhile');
          return;
        }
        this.logger.error({ err: error, exportId: job.id }, 'Export failed unexpectedly');
      }
      const { message, code }: Failure = known ?? { message: 'The export failed unexpectedly; the server log has the details.', code: 'UNEXPECTED' };
      await this.db.transaction(async (em) => {
        if (await this.exports.fail(job.id, message, code, em)) {
          await this.record(job, 'export.failed', { mode: job.mode, error: message, code }, em);
          await this.announce(job, em);
        }
      });
    }
  }

  /** The outcome in the audit trail, in the transaction that stores it. */
  private record(job: ClaimedExport, action: string, data: Record<string, unknown>, em: EntityManager): Promise<void> {
    return this.audit.record({ action, actorId: null, projectId: job.projectId, targetType: 'export', targetId: job.id, data }, em);
  }

  /** Tells the project's event streams that the job's status changed; delivered when `em` commits. */
  private announce(job: { id: string; projectId: string }, em: EntityManager): Promise<void> {
    return announceChange(em, { projectId: job.projectId, topic: 'exports', exportId: job.id });
  }

  /** Drops any job lock left behind (an unlock that failed) before the connection goes back into the pool. */
  private async release(connection: QueryRunner): Promise<void> {
    try {
      await connection.query('SELECT pg_advisory_unlock_all()');
    } finally {
      await connection.release();
    }
  }
}
