import pg from 'pg';
import { ACCESS_CHANNEL, parseAccessChange, type AccessChange } from '../../common/access-events.js';

/**
 * Listens for access changes on a connection of its own. When the connection drops it
 * reconnects and reports `null` (changes may have been missed: re-check everything).
 */
export class AccessListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly onChange: (change: AccessChange | null) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'kapitel-access-listener' });
    client.on('notification', (message) => {
      if (message.channel === ACCESS_CHANNEL) {
        const change = parseAccessChange(message.payload);
        if (change) {
          this.onChange(change);
        }
      }
    });
    client.on('error', (error) => {
      this.onError(error);
      this.reconnect(client);
    });
    client.on('end', () => this.reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${ACCESS_CHANNEL}`);
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
