import * as Y from 'yjs';
import { encodeSyncStep1 } from './sync-messages';

/** How the tracker talks to the server: false when no connection is open right now. */
export interface SyncChannel {
  send(message: Uint8Array<ArrayBuffer>): boolean;
}

export interface SaveTrackerTiming {
  /** Quiet time after the last local edit before asking the server. */
  settleMs: number;
  /** While someone keeps typing, ask at least this often. */
  maxWaitMs: number;
  /** Ask again after an answer that did not yet show everything (the server's tick was still open). */
  retryMs: number;
}

export const DEFAULT_SAVE_TIMING: SaveTrackerTiming = { settleMs: 300, maxWaitMs: 2000, retryMs: 700 };

interface Range {
  clock: number;
  len: number;
}

/** True when every range of `wanted` lies inside the union of `have`. */
function covered(wanted: readonly Range[], have: readonly Range[]): boolean {
  const sorted = [...have].sort((a, b) => a.clock - b.clock);
  return wanted.every(({ clock, len }) => {
    let reached = clock;
    const end = clock + len;
    for (const range of sorted) {
      if (range.clock > reached) {
        break;
      }
      reached = Math.max(reached, range.clock + range.len);
      if (reached >= end) {
        return true;
      }
    }
    return reached >= end;
  });
}

/**
 * Knows whether this client's edits are stored on the server, without trusting that a sent
 * message arrived. The collaboration server never echoes an update and applies it to its
 * document only after committing it to PostgreSQL (libs/collab: "durable before visible").
 * So we ask, with a sync step 1 that claims we hold none of our own edits since the last
 * confirmed point: the server's sync step 2 answer then contains our items it has stored,
 * and its full delete set. An edit counts as saved once that answer contains it. Edits kept
 * from an earlier page (unsent-edits.ts) carry that page's client id; they are tracked the
 * same way, each client's items against the mark the server confirmed for that client.
 */
export class SaveTracker {
  /** Our edits (merged) that no answer of the server has shown yet. */
  private unconfirmed: Uint8Array | null = null;
  /** Per client of our edits: the server has shown us all its items below this clock. */
  private readonly confirmed = new Map<number, number>();
  private firstUnaskedAt: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly channel: SyncChannel,
    /** Whether a Yjs transaction origin is a local edit (not one applied from the server). */
    private readonly isLocal: (origin: unknown) => boolean,
    private readonly timing: SaveTrackerTiming = DEFAULT_SAVE_TIMING,
  ) {
    doc.on('update', this.onUpdate);
  }

  /** Local edits exist that the server has not shown to have stored. */
  get unsaved(): boolean {
    return this.unconfirmed !== null;
  }

  /** Those edits as one Yjs update (to keep them in the browser), null when all are stored. */
  get pending(): Uint8Array | null {
    return this.unconfirmed;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Every sync step 2 the server sends: answers to our questions and the first sync after
   * connecting. Each holds the server's stored state relative to the state vector asked with.
   */
  serverState(update: Uint8Array): void {
    if (this.unconfirmed === null) {
      return;
    }
    let meta: { from: Map<number, number>; to: Map<number, number> };
    let serverDeletes: Map<number, Range[]>;
    let mine: { structs: Array<Y.Item | Y.GC | Y.Skip>; ds: Map<number, Range[]> };
    try {
      meta = Y.parseUpdateMeta(update);
      serverDeletes = Y.decodeUpdate(update).ds.clients;
      const decoded = Y.decodeUpdate(this.unconfirmed);
      mine = { structs: decoded.structs, ds: decoded.ds.clients };
    } catch {
      return;
    }
    for (const client of new Set(mine.structs.map((struct) => struct.id.client))) {
      const from = meta.from.get(client);
      const to = meta.to.get(client);
      const mark = this.confirmed.get(client) ?? 0;
      // Only a contiguous answer from what was confirmed before moves the mark.
      if (from !== undefined && to !== undefined && from <= mark) {
        this.confirmed.set(client, Math.max(mark, to));
      }
    }
    const structsStored = mine.structs.every(
      (struct) => struct instanceof Y.Skip || struct.id.clock + struct.length <= (this.confirmed.get(struct.id.client) ?? 0),
    );
    const deletesStored = [...mine.ds].every(([client, ranges]) => covered(ranges, serverDeletes.get(client) ?? []));
    if (structsStored && deletesStored) {
      this.unconfirmed = null;
      this.firstUnaskedAt = null;
      this.clearTimer();
      this.emit();
      return;
    }
    this.schedule(this.timing.retryMs);
  }

  /** The connection is (again) synced: ask soon whether what we hold arrived. */
  resynced(): void {
    if (this.unconfirmed !== null) {
      this.schedule(this.timing.settleMs);
    }
  }

  destroy(): void {
    this.doc.off('update', this.onUpdate);
    this.clearTimer();
    this.listeners.clear();
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (!this.isLocal(origin)) {
      return;
    }
    const wasSaved = this.unconfirmed === null;
    this.unconfirmed = wasSaved ? update : Y.mergeUpdates([this.unconfirmed as Uint8Array, update]);
    const now = Date.now();
    this.firstUnaskedAt ??= now;
    const waited = now - this.firstUnaskedAt;
    this.schedule(Math.max(0, Math.min(this.timing.settleMs, this.timing.maxWaitMs - waited)), true);
    if (wasSaved) {
      this.emit();
    }
  };

  private schedule(delay: number, restart = false): void {
    if (this.timer !== null) {
      if (!restart) {
        return;
      }
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.ask();
    }, delay);
  }

  private ask(): void {
    if (this.unconfirmed === null) {
      return;
    }
    const stateVector = Y.decodeStateVector(Y.encodeStateVector(this.doc));
    let clients: Iterable<number> = [this.doc.clientID];
    try {
      clients = Y.parseUpdateMeta(this.unconfirmed).to.keys();
    } catch {
      // Our own update, merged by Yjs: it parses. Should it not, our own client id still counts.
    }
    for (const client of clients) {
      const mark = this.confirmed.get(client) ?? 0;
      if (mark > 0) {
        stateVector.set(client, mark);
      } else {
        stateVector.delete(client);
      }
    }
    this.firstUnaskedAt = null;
    // Not connected: `resynced` asks again once the connection is back.
    this.channel.send(encodeSyncStep1(Y.encodeStateVector(stateVector)));
  }

  private clearTimer(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  private emit(): void {
    this.listeners.forEach((listener) => {
      listener();
    });
  }
}
