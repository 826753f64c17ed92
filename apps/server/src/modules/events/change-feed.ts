import type { ProjectChange } from '@kapitel/domain';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ChangeListener } from './change-listener.js';

/** `null` means: the feed was interrupted, changes may have been missed. */
export type ChangeHandler = (change: ProjectChange | null) => void;

/** The project changes and ended sessions of every process, as this process hears them (one LISTEN connection). */
@Injectable()
export class ChangeFeed implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ChangeFeed');
  private readonly handlers = new Set<ChangeHandler>();
  private readonly sessionEndHandlers = new Set<(sessionId: string) => void>();
  private readonly listener: ChangeListener;

  constructor(@InjectDataSource() db: DataSource) {
    const url = (db.options as { url?: string }).url as string;
    this.listener = new ChangeListener(
      url,
      (change) => this.handlers.forEach((handler) => handler(change)),
      (error) => this.logger.error({ err: error }, 'The change listener lost its database connection'),
      (sessionId) => this.sessionEndHandlers.forEach((handler) => handler(sessionId)),
    );
  }

  subscribe(handler: ChangeHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  /** Sessions that ended (logouts) in any process. */
  subscribeSessionEnds(handler: (sessionId: string) => void): () => void {
    this.sessionEndHandlers.add(handler);
    return () => this.sessionEndHandlers.delete(handler);
  }

  async onModuleInit(): Promise<void> {
    await this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener.stop();
  }
}
