import { CLOSE, CollabServer, type CollabConnection, type CollabEvents } from '@kapitel/collab';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ProjectChange } from '@kapitel/domain';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import { DocumentRepository } from '../documents/document.repository.js';
import { UpdateLog } from '../documents/update-log.js';
import type { LiveSession } from '../auth/session.service.js';
import { announceChange } from '../../common/project-changes.js';
import { ChangeFeed } from '../events/change-feed.js';
import { LiveSessions } from '../events/live-sessions.js';
import { CollabAccess } from './collab-access.js';
import { RedisRelay } from './redis-relay.js';
import { TextChanges } from './text-changes.js';

// One audit row per connection and this interval is enough to see who tried; more would let a client flood the log.
const REJECTED_WRITE_AUDIT_INTERVAL_MS = 10_000;

/**
 * The live co-editing core of this process (libs/collab), wired to PostgreSQL, Redis, the
 * audit log and the access announcements of the other modules.
 */
@Injectable()
export class CollabService implements OnModuleInit, OnModuleDestroy {
  readonly server: CollabServer;
  private readonly logger = new Logger('Collab');
  private readonly relay: RedisRelay | null;
  private readonly lastAudit = new Map<string, number>();
  private readonly texts: TextChanges;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly documents: DocumentRepository,
    private readonly updateLog: UpdateLog,
    private readonly access: CollabAccess,
    private readonly audit: AuditService,
    private readonly changes: ChangeFeed,
    private readonly sessions: LiveSessions,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    const onError = (error: unknown): void => this.logger.error({ err: error }, 'Collaboration infrastructure error');
    this.relay = config.redisUrl ? new RedisRelay(config.redisUrl, onError) : null;
    this.texts = new TextChanges((sectionId, storedAt) => this.announceText(sectionId, storedAt), config.textChangeMs);
    this.server = new CollabServer({
      persistence: {
        load: (sectionId) => this.documents.load(sectionId),
        append: async (sectionId, update) => {
          const id = await this.updateLog.append(sectionId, update);
          if (id !== null) {
            this.texts.changed(sectionId);
          }
          return id;
        },
        compact: (sectionId, state, logIds) => this.documents.compact(sectionId, state, logIds),
      },
      relay: this.relay,
      events: this.events(),
      limits: config.collab,
    });
  }

  onModuleInit(): void {
    this.changes.subscribe((change) => void this.refresh(change));
  }

  /**
   * Closes the connection (4401) when the session it was opened with ends: expiry or a
   * logout in any process. The returned function stops waiting (the connection closed).
   */
  trackSession(session: LiveSession, connection: CollabConnection): () => void {
    return this.sessions.watch(session, (why) => {
      this.server.revoke(connection, why === 'expired' ? 'your session expired' : 'you logged out', CLOSE.sessionEnded);
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.texts.stop();
    await this.server.shutdown();
    await this.relay?.close();
  }

  /**
   * Re-checks the open connections a change concerns (all of them after the listener
   * reconnected): closes those that lost access, switches the others to what they may now do.
   */
  async refresh(change: ProjectChange | null): Promise<void> {
    if (change?.deleted === true) {
      // Nothing to re-check: every connection to the project's sections ends, and the upgrade
      // of a new one is refused (the sections are gone). Its rooms then unload as usual,
      // storing nothing (DocumentRepository.compact skips a section that no longer exists).
      for (const connection of [...this.server.connectionsIn({ projectId: change.projectId })]) {
        this.server.revoke(connection, 'the project was deleted');
      }
      return;
    }
    const filter = accessFilter(change);
    if (filter === null) {
      return;
    }
    const connections = [...this.server.connectionsIn(filter)];
    await Promise.all(connections.map((connection) => this.recheck(connection)));
  }

  /** Tells the project's members that the section's text changed (the reading view, figure numbers). */
  private async announceText(sectionId: string, storedAt: Date): Promise<void> {
    try {
      const projectId = await this.access.projectOf(sectionId);
      if (projectId !== null) {
        await announceChange(this.db.manager, { projectId, topic: 'text', sectionId, at: storedAt.toISOString() });
      }
    } catch (error) {
      this.logger.warn({ err: error, sectionId }, 'Could not announce a changed text');
    }
  }

  private async recheck(connection: CollabConnection): Promise<void> {
    try {
      const access = await this.access.resolve(connection.userId, connection.sectionId);
      if (!access) {
        this.server.revoke(connection, 'you no longer have access to this section');
        return;
      }
      if (access === 'trashed') {
        this.server.revoke(connection, 'the section was moved to the trash', CLOSE.gone);
        return;
      }
      connection.canWrite = access.canWrite;
    } catch (error) {
      this.logger.error({ err: error, sectionId: connection.sectionId }, 'Could not re-check a connection');
    }
  }

  private events(): CollabEvents {
    return {
      rejectedWrite: (event) => {
        const key = `${event.sectionId}:${event.userId}`;
        const now = Date.now();
        if (now - (this.lastAudit.get(key) ?? 0) < REJECTED_WRITE_AUDIT_INTERVAL_MS) {
          return;
        }
        if (this.lastAudit.size > 10_000) {
          this.lastAudit.clear();
        }
        this.lastAudit.set(key, now);
        void this.recordRejectedWrite(event);
      },
      closed: (event) => {
        this.logger.log({ ...event }, 'Closed a collaboration connection');
      },
      error: (message, error, context) => {
        this.logger.error({ err: error, ...context }, message);
      },
    };
  }

  private async recordRejectedWrite(event: { sectionId: string; userId: string; kind: string; bytes: number }): Promise<void> {
    try {
      const projectId = await this.access.projectOf(event.sectionId);
      await this.audit.record({
        action: 'section.write_rejected',
        actorId: event.userId,
        projectId,
        targetType: 'section',
        targetId: event.sectionId,
        data: { message: event.kind, bytes: event.bytes },
      });
    } catch (error) {
      this.logger.error({ err: error }, 'Could not record a rejected write');
    }
  }
}

/**
 * Which connections a change can concern: a member's role (that member), a section's state
 * or assignees (that section), the outline (all of the project: a deletion takes sub-sections
 * with it). Null for changes that never alter access.
 */
function accessFilter(change: ProjectChange | null): { projectId?: string; sectionId?: string; userId?: string } | null {
  if (change === null) {
    return {};
  }
  switch (change.topic) {
    case 'members':
      return { projectId: change.projectId, ...(change.userId ? { userId: change.userId } : {}) };
    case 'section':
      return { projectId: change.projectId, ...(change.sectionId ? { sectionId: change.sectionId } : {}) };
    case 'outline':
      return { projectId: change.projectId };
    case 'project':
    case 'text':
    case 'comments':
    case 'exports':
    case 'abbreviations':
    case 'sources':
      return null;
  }
}
