import type { AwarenessEntry } from './awareness.js';
import { encodeAwarenessUpdate } from './awareness.js';
import type { CollabRelay, RelayMessage } from './ports.js';

/**
 * A room's subscription to the other processes holding it (Redis), or nothing with one
 * process. Messages that arrive while the room is still loading wait here until it is.
 */
export class RelayLink {
  /** Messages that arrived while the room was loading; null once it has loaded (or failed). */
  private waiting: RelayMessage[] | null = [];
  private unsubscribe: (() => Promise<void>) | null = null;

  constructor(
    private readonly relay: CollabRelay | null,
    private readonly sectionId: string,
    private readonly deliver: (message: RelayMessage) => void,
  ) {}

  /**
   * Subscribes before the room reads its document: an update another process stores while
   * we read must not fall between our read and our subscription (applying one twice is
   * harmless in Yjs). Presence published before we subscribed is lost: we ask for it.
   */
  async open(): Promise<void> {
    if (!this.relay) {
      return;
    }
    this.unsubscribe = await this.relay.subscribe(this.sectionId, (message) => {
      if (this.waiting) {
        this.waiting.push(message);
      } else {
        this.deliver(message);
      }
    });
    this.relay.publish(this.sectionId, { queryAwareness: true });
  }

  /** The room has loaded: what waited is delivered, the rest as it comes. */
  loaded(): void {
    const waiting = this.waiting ?? [];
    this.waiting = null;
    waiting.forEach((message) => this.deliver(message));
  }

  /** The room could not load, or unloads: nothing more is delivered. */
  async close(): Promise<void> {
    this.waiting = null;
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = null;
    await unsubscribe?.();
  }

  publishUpdate(id: string, bytes: Uint8Array): void {
    this.relay?.publish(this.sectionId, { update: { id, bytes } });
  }

  publishPresence(entries: readonly AwarenessEntry[]): void {
    if (entries.length > 0) {
      this.relay?.publish(this.sectionId, { awareness: encodeAwarenessUpdate(entries) });
    }
  }
}
