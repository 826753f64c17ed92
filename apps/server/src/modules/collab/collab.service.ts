import { CollabServer, type CollabConnection, type CollabEvents } from '@kapitel/collab';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { announceAccessChange, type AccessChange } from '../../common/access-events.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import { DocumentRepository } from '../documents/document.repository.js';
import { MembershipHooks } from '../members/membership-hooks.js';
import { AccessListener } from './access-listener.js';
import { CollabAccess } from './collab-access.js';
import { RedisRelay } from './redis-relay.js';

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
  private readonly listener: AccessListener;
  private readonly lastAudit = new Map<string, number>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly documents: DocumentRepository,
    private readonly access: CollabAccess,
    private readonly audit: AuditService,
    private readonly hooks: MembershipHooks,
    @InjectDataSource() db: DataSource,
  ) {
    const onError = (error: unknown): void => this.logger.error({ err: error }, 'Collaboration infrastructure error');
    this.relay = config.redisUrl ? new RedisRelay(config.redisUrl, onError) : null;
    this.server = new CollabServer({
      persistence: {
        load: (sectionId) => this.documents.load(sectionId),
        append: (sectionId, update) => this.documents.append(sectionId, update),
        compact: (sectionId, state, logIds) => this.documents.compact(sectionId, state, logIds),
      },
      relay: this.relay,
      events: this.events(),
      limits: config.collab,
    });
    const url = (db.options as { url?: string }).url as string;
    this.listener = new AccessListener(url, (change) => void this.refresh(change), onError);
  }

  async onModuleInit(): Promise<void> {
    // Role changes and removals arrive through the members module's hooks, inside its transaction.
    this.hooks.register((change, em) =>
      announceAccessChange(em, { projectId: change.projectId, userId: change.userId }),
    );
    await this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.server.shutdown();
    await this.listener.stop();
    await this.relay?.close();
  }

  /**
   * Re-checks the open connections a change concerns (all of them after the listener
   * reconnected): closes those that lost access, switches the others to what they may now do.
   */
  async refresh(change: AccessChange | null): Promise<void> {
    const filter = change ?? {};
    const connections = [...this.server.connectionsIn(filter)];
    await Promise.all(connections.map((connection) => this.recheck(connection)));
  }

  private async recheck(connection: CollabConnection): Promise<void> {
    try {
      const access = await this.access.resolve(connection.userId, connection.sectionId);
      if (!access) {
        this.server.revoke(connection, 'you no longer have access to this section');
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
