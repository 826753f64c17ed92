import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Appends one update, only while the section can be edited at all: the share lock on the
 * section row orders it against a transition, which locks the row for update.
 */
const APPEND = {
  name: 'kapitel-append-update',
  text: `WITH editable AS (
           SELECT id FROM sections
            WHERE id = $1 AND deleted_at IS NULL AND state IN ('draft', 'changes_requested')
            FOR SHARE
         )
         INSERT INTO section_updates (section_id, data) SELECT id, $2 FROM editable RETURNING id::text AS id`,
};

/**
 * The write path of live editing: every keystroke waits for this INSERT before anybody sees
 * it, so it has connections of its own and a prepared statement. Through TypeORM's shared
 * pool an append cost about 0.3 ms more at the median and 1 ms more at p99 (query runner,
 * planning the statement each time), and a burst of HTTP queries could queue it.
 */
@Injectable()
export class UpdateLog implements OnApplicationShutdown {
  private readonly logger = new Logger(UpdateLog.name);
  private readonly pool: pg.Pool;

  constructor(@InjectDataSource() db: DataSource) {
    const url = (db.options as { url?: string }).url as string;
    this.pool = new pg.Pool({ connectionString: url, max: 4, application_name: 'kapitel-collab' });
    // A connection that breaks while idle (database restarted) must not end the process;
    // the pool drops it and the next append opens a new one.
    this.pool.on('error', (error) => this.logger.warn({ err: error }, 'An update-log connection was lost'));
  }

  /** Returns the new row's id, or null when the section may not be edited now. */
  async append(sectionId: string, update: Uint8Array): Promise<string | null> {
    const result = await this.pool.query<{ id: string }>({ ...APPEND, values: [sectionId, Buffer.from(update.buffer, update.byteOffset, update.byteLength)] });
    return result.rows[0]?.id ?? null;
  }

  /** After every module's destroy hook: the collaboration rooms flush through the pool when they unload. */
  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
