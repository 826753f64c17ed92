import pg from 'pg';
import type { ProjectChange } from '@kapitel/domain';
import { CHANGES_CHANNEL, parseChange } from '../../common/project-changes.js';
import { parseSessionEnd, SESSION_ENDS_CHANNEL } from '../../common/session-ends.js';

/**
 * Listens for project changes and ended sessions on a PostgreSQL connection of its own. When
 * the connection drops it reconnects and reports `null` (changes may have been missed:
 * re-check everything).
 */
export class ChangeListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly onChange: (change: ProjectChange | null) => void,
    private readonly onError: (error: unknown) => void,
    private readonly onSessionEnd: (sessionId: string) => void = () => undefined,
  ) {}

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'kapitel-change-listener' });
    client.on('notification', (message) => {
      if (message.channel === CHANGES_CHANNEL) {
        const change = parseChange(message.payload);
        if (change) {
          this.onChange(change);
        }
      } else if (message.channel === SESSION_ENDS_CHANNEL) {
        const sessionId = parseSessionEnd(message.payload);
        if (sessionId) {
          this.onSessionEnd(sessionId);
        }
      }
    });
    client.on('error', (error) => {
      this.onError(error);
      this.reconnect(client);
    });
    client.on('end', () => this.reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    await client.query(`LISTEN ${SESSION_ENDS_CHANNEL}`);
    this.client = client;
  }

  private reconnect(client: pg.Client): void {
    if (this.stopped || this.client !== client) {
      return;
    }
    this.client = null;
    client.end().catch(() => undefined);
    this.scheduleRestart(500);
  }

  private scheduleRestart(delayMs: number): void {
    this.retry = setTimeout(() => {
      this.retry = null;
      if (this.stopped) {
        return;
      }
      this.start()
        .then(() => this.onChange(null))
        .catch((error: unknown) => {
          this.onError(error);
          this.scheduleRestart(1000);
        });
    }, delayMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) {
      clearTimeout(this.retry);
    }
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
