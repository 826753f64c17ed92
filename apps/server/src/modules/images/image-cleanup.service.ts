import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { DocumentRepository } from '../documents/document.repository.js';
import { addIdsIn, textOfState } from './image-references.js';
import { ImageCleanupRepository, type CleanupCandidate } from './image-cleanup.repository.js';

/*
 * Removing unused images (docs/images.md, "Removing unused images"). Our first rule is that no
 * edit any client has seen is ever lost, so an image goes only when all of this holds, and
 * when in doubt it stays:
 *
 * 1. Its mark (`images.created_at`) is older than IMAGE_RETENTION_DAYS (R, default 30). The
 *    mark is set by the upload, renewed by an upload of the same bytes (which answers with this
 *    image) and by every run that keeps the image. An upload is put into a text moments later,
 *    or days later from edits a browser kept while offline: R covers both.
 * 2. No text of its project changed for R (no compaction, no logged update since). A reference
 *    removed from a text can come back without a new upload: an open editor's undo, a cut image
 *    pasted later, a kept edit. Their source is an edit, and after R quiet days every such
 *    editor state is at least R old. (Age alone is not enough: a year-old image cut from a text
 *    an hour ago must survive the paste.) A project being written keeps all its images.
 * 3. No current text of any section of its project names its id: live sections and those in
 *    the trash, snapshot plus the update log not yet compacted (DocumentRepository.currentState),
 *    read as a Yjs tree, not through the schema, and any UUID anywhere counts (image src, a full
 *    URL, a link, plain text).
 * 4. No stored version of a section of its project names it (approvals and named versions,
 *    both their JSON and the Yjs state that a restore applies).
 * 5. No comment of its project names it (comments are plain text, but a pasted link counts).
 *
 * Only the project's own texts count: an image belongs to one project (its path names it;
 * pasting another project's image uploads a copy; the export embeds only the project's own;
 * deleting a project deletes its images by cascade whatever other projects show).
 *
 * Races. Points 1, 2 and 5 are checked again in the DELETE itself, so an upload of the same
 * bytes, an edit or a comment committed while the texts were read keeps the image (an edit is
 * logged before anyone sees it, rule 5 of the architecture). What could still slip in between
 * reading and deleting is only a reference coming back from an editor state older than R,
 * which point 2 already accepts. Several processes: one collects at a time (a PostgreSQL
 * advisory lock, held for the run on a connection of its own; the others skip), and even two
 * at once would be safe, each DELETE checking everything that matters again.
 */

/** How often a process looks for unused images (the first time an interval after its start). */
const CLEANUP_INTERVAL_MS = 60 * 60 * 1000;
/** Candidates per round: one DELETE per project and round. */
const BATCH = 200;
/** Versions read at a time (each is a whole section's state). */
const VERSION_PAGE = 20;

/** What one run did. */
export interface CleanupResult {
  /** False when another process held the lock, or cleanup is off (IMAGE_RETENTION_DAYS=0). */
  ran: boolean;
  removed: number;
  bytes: number;
  /** Candidates kept (in use, or unsure) and renewed. */
  kept: number;
}

const letEventLoopGo = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Removes images nothing uses any more, hourly, in batches (design above). */
@Injectable()
export class ImageCleanupService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ImageCleanupService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopping = false;

  constructor(
    private readonly cleanup: ImageCleanupRepository,
    private readonly documents: DocumentRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.imageRetentionDays === 0) {
      return;
    }
    this.timer = setInterval(() => this.wake(), CLEANUP_INTERVAL_MS);
    this.timer.unref();
  }

  /** A run in progress stops after its current project. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.timer) {
      clearInterval(this.timer);
    }
    await this.running;
  }

  private wake(): void {
    if (this.running || this.stopping) {
      return;
    }
    this.running = this.collect()
      .catch((error: unknown) => this.logger.error({ err: error }, 'Unused images could not be removed'))
      .finally(() => {
        this.running = null;
      });
  }

  /** One run over every project; what the timer calls, and tests. */
  async collect(): Promise<CleanupResult> {
    const result: CleanupResult = { ran: false, removed: 0, bytes: 0, kept: 0 };
    if (this.config.imageRetentionDays === 0) {
      return result;
    }
    const connection = this.db.createQueryRunner();
    await connection.connect();
    try {
      if (!(await this.cleanup.tryLock(connection.manager))) {
        this.logger.debug('Another process is removing unused images');
        return result;
      }
      try {
        result.ran = true;
        await this.sweep(await this.cleanup.cutoff(this.config.imageRetentionDays), result);
      } finally {
        await this.cleanup.unlock(connection.manager);
      }
    } finally {
      await connection.release();
    }
    if (result.removed > 0) {
      this.logger.log(
        { removed: result.removed, bytes: result.bytes, kept: result.kept },
        `${result.removed} unused images removed`,
      );
    } else {
      this.logger.debug({ kept: result.kept }, 'No unused images to remove');
    }
    return result;
  }

  /** Rounds of candidates in (project, id) order; a project's texts are read once per run. */
  private async sweep(cutoff: Date, result: CleanupResult): Promise<void> {
    let after: CleanupCandidate | null = null;
    // The project of the last round, whose texts were read already (candidates come by project).
    let known = null as { projectId: string; ids: Set<string> | null } | null;
    while (!this.stopping) {
      const candidates = await this.cleanup.candidates(cutoff, after, BATCH);
      for (const [projectId, ids] of byProject(candidates)) {
        if (known?.projectId !== projectId) {
          known = { projectId, ids: await this.idsInUse(projectId) };
        }
        const inUse = known.ids;
        const unused = inUse === null ? [] : ids.filter((id) => !inUse.has(id));
        const removed = await this.cleanup.removeUnused(projectId, unused, ids, cutoff);
        result.removed += removed.length;
        result.bytes += removed.reduce((sum, image) => sum + image.size, 0);
        result.kept += ids.length - removed.length;
      }
      if (candidates.length < BATCH) {
        return;
      }
      after = candidates[candidates.length - 1];
    }
  }

  /**
   * Every id named by a current text (live or trashed section) or a stored version of the
   * project; null when a stored state cannot be read, which keeps all the project's images.
   * A failing query fails the run instead (tried again at the next).
   */
  private async idsInUse(projectId: string): Promise<Set<string> | null> {
    const ids = new Set<string>();
    for (const sectionId of await this.cleanup.sectionIds(projectId)) {
      await letEventLoopGo(); // one section at a time, so that requests and live rooms are not held up
      if (!this.addIdsOfState(await this.documents.currentState(sectionId), ids, projectId)) {
        return null;
      }
    }
    for (let afterId: string | null = null; ;) {
      const page = await this.cleanup.versions(projectId, afterId, VERSION_PAGE);
      for (const version of page) {
        await letEventLoopGo();
        addIdsIn(JSON.stringify(version.json), ids);
        if (!this.addIdsOfState(new Uint8Array(version.state), ids, projectId)) {
          return null;
        }
      }
      if (page.length < VERSION_PAGE) {
        return ids;
      }
      afterId = page[page.length - 1].id;
    }
  }

  private addIdsOfState(state: Uint8Array, ids: Set<string>, projectId: string): boolean {
    try {
      addIdsIn(textOfState(state), ids);
      return true;
    } catch (error) {
      this.logger.warn(
        { err: error, projectId },
        'A stored text of the project cannot be read; all its images are kept',
      );
      return false;
    }
  }
}

/** Candidates grouped by project, in their order. */
function byProject(candidates: readonly CleanupCandidate[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const { projectId, id } of candidates) {
    groups.set(projectId, [...(groups.get(projectId) ?? []), id]);
  }
  return groups;
}
