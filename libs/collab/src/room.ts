import * as Y from 'yjs';
import { decodeAwarenessUpdate, encodeAwarenessUpdate, RoomAwareness, type AwarenessEntry } from './awareness.js';
import type { CollabConnection } from './connection.js';
import { CLOSE, type CollabLimits } from './limits.js';
import type { CollabEvents, CollabPersistence, CollabRelay, RelayMessage } from './ports.js';
import {
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  ProtocolError,
  type ClientMessage,
} from './protocol.js';
import { fanOutUpdate } from './fan-out.js';
import { TickClock } from './tick.js';
import { inspectUpdate } from './updates.js';

export interface RoomContext {
  persistence: CollabPersistence;
  relay: CollabRelay | null;
  events: CollabEvents;
  limits: CollabLimits;
}

interface PendingUpdate {
  /** The connection it came from; null for an update the server submits itself (a restore). */
  from: CollabConnection | null;
  update: Uint8Array;
  /** Told whether a submitted update was stored (false: the section is not editable now). */
  settle?: (stored: boolean, error?: unknown) => void;
}

interface PendingAwareness {
  /** The local connection the entries came from; null for removals and relayed presence. */
  from: CollabConnection | null;
  entries: AwarenessEntry[];
}

/**
 * One section's live document. Its Y.Doc holds only what is stored: updates wait in the
 * current tick, are merged, appended to the log in one INSERT, and only then applied and
 * sent to the other connections (durable before visible; never echoed to the sender).
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new RoomAwareness();
  readonly connections = new Set<CollabConnection>();
  status: 'loading' | 'ready' | 'failed' | 'unloading' | 'unloaded' = 'loading';
  readonly ready: Promise<void>;
  /** Settles once an unload has finished. */
  unloadDone: Promise<void> = Promise.resolve();

  private pendingUpdates: PendingUpdate[] = [];
  private pendingAwareness: PendingAwareness[] = [];
  /** Cancels the scheduled tick; null when none is scheduled. */
  private scheduled: (() => void) | null = null;
  /** A tick is in the chain and has not yet taken what is pending. */
  private tickQueued = false;
  private readonly clock: TickClock;
  /** Flushes, final compactions and relayed messages run one after another. */
  private chain: Promise<void> = Promise.resolve();
  /** The compaction running beside the ticks, if any. */
  private compacting: Promise<void> | null = null;
  /** Log rows contained in `doc` but not yet folded into the snapshot. */
  private logIds: string[] = [];
  private backlogBytes = 0;
  private docBytes = 0;
  private pendingBytes = 0;
  /** Relayed messages that arrive while the room is loading, applied once it is loaded. */
  private relayedWhileLoading: RelayMessage[] | null = [];
  private unsubscribe: (() => Promise<void>) | null = null;

  constructor(
    readonly sectionId: string,
    readonly projectId: string,
    private readonly ctx: RoomContext,
  ) {
    this.clock = new TickClock(ctx.limits.fanOutFramesPerSecond, ctx.limits.tickMs, performance.now());
    this.ready = this.load();
  }

  private async load(): Promise<void> {
    try {
      // Subscribe first: an update another process stores while we read must not fall between
      // our read and our subscription. Applying one twice is harmless in Yjs.
      if (this.ctx.relay) {
        this.unsubscribe = await this.ctx.relay.subscribe(this.sectionId, (message) => this.fromRelay(message));
        // Presence published before we subscribed is lost: ask the others for theirs.
        this.ctx.relay.publish(this.sectionId, { queryAwareness: true });
      }
      const stored = await this.ctx.persistence.load(this.sectionId);
      this.doc.transact(() => {
        if (stored.state) {
          Y.applyUpdate(this.doc, stored.state);
        }
        for (const { update } of stored.updates) {
          Y.applyUpdate(this.doc, update);
        }
      });
      this.logIds = stored.updates.map((row) => row.id);
      this.backlogBytes = stored.updates.reduce((sum, row) => sum + row.update.length, 0);
      this.docBytes = (stored.state?.length ?? 0) + this.backlogBytes;
      this.status = 'ready';
      const buffered = this.relayedWhileLoading ?? [];
      this.relayedWhileLoading = null;
      buffered.forEach((message) => this.fromRelay(message));
    } catch (error) {
      this.status = 'failed';
      this.relayedWhileLoading = null;
      await this.unsubscribe?.().catch(() => undefined);
      this.ctx.events.error('could not load a document', error, { sectionId: this.sectionId });
      throw error;
    }
  }

  /** Greets a connection of a ready room: our state vector and who is here. */
  join(connection: CollabConnection): void {
    this.connections.add(connection);
    connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    const present = this.awareness.snapshot();
    if (present.length > 0) {
      connection.send(encodeAwarenessMessage(encodeAwarenessUpdate(present)));
    }
  }

  /** Handles one decoded message; a ProtocolError means the connection must be closed. */
  handle(connection: CollabConnection, message: ClientMessage): void {
    switch (message.kind) {
      case 'sync-step-1': {
        let reply: Uint8Array;
        try {
          reply = Y.encodeStateAsUpdate(this.doc, message.stateVector);
        } catch {
          throw new ProtocolError('malformed state vector');
        }
        connection.send(encodeSyncStep2(reply));
        return;
      }
      case 'sync-step-2':
      case 'update':
        this.receiveUpdate(connection, message.kind, message.update);
        return;
      case 'awareness': {
        const { id, name, color } = connection.principal;
        const entries = this.awareness.fromConnection(connection, { id, name, color }, decodeAwarenessUpdate(message.update));
        if (entries.length > 0) {
          this.pendingAwareness.push({ from: connection, entries });
          this.schedule();
        }
        return;
      }
      case 'query-awareness':
        connection.send(encodeAwarenessMessage(encodeAwarenessUpdate(this.awareness.snapshot())));
        return;
    }
  }

  private receiveUpdate(connection: CollabConnection, kind: 'sync-step-2' | 'update', update: Uint8Array): void {
    const { hasContent } = inspectUpdate(update);
    if (!connection.canWrite) {
      // Discarded whole: not applied, not stored, not relayed. Empty ones are routine.
      if (hasContent) {
        this.ctx.events.rejectedWrite({ sectionId: this.sectionId, userId: connection.userId, kind, bytes: update.length });
      }
      return;
    }
    // A reconnecting client's sync step 2 repeats what we have (at least its delete set):
    // storing it again would grow the log by the whole delete set on every reconnect.
    if (!hasContent || (kind === 'sync-step-2' && Y.snapshotContainsUpdate(Y.snapshot(this.doc), update))) {
      return;
    }
    if (this.docBytes + this.pendingBytes + update.length > this.ctx.limits.maxDocumentBytes) {
      connection.close(CLOSE.documentTooLarge, 'the document would grow beyond its size limit');
      return;
    }
    this.pendingBytes += update.length;
    this.pendingUpdates.push({ from: connection, update });
    this.schedule();
  }

  /**
   * An update made by the server (a restore), stored and sent like a client's: in the next
   * tick, durable before visible, to every connection. Resolves false when the section
   * cannot be edited now; rejects when it cannot be stored or is no valid update.
   */
  submit(update: Uint8Array): Promise<boolean> {
    if (this.status !== 'ready') {
      return Promise.reject(new Error('the document is not loaded'));
    }
    if (!inspectUpdate(update).hasContent) {
      return Promise.resolve(true);
    }
    if (this.docBytes + this.pendingBytes + update.length > this.ctx.limits.maxDocumentBytes) {
      return Promise.reject(new Error('the document would grow beyond its size limit'));
    }
    return new Promise<boolean>((resolve, reject) => {
      const settle = (stored: boolean, error?: unknown): void => {
        if (error === undefined) {
          resolve(stored);
        } else {
          reject(error instanceof Error ? error : new Error('the update could not be stored'));
        }
      };
      this.pendingBytes += update.length;
      this.pendingUpdates.push({ from: null, update, settle });
      this.schedule();
    });
  }

  /** A connection went away: its presence goes too. */
  leave(connection: CollabConnection): void {
    if (!this.connections.delete(connection)) {
      return;
    }
    const removed = this.awareness.removeOwner(connection);
    if (removed.length > 0) {
      this.pendingAwareness.push({ from: null, entries: removed });
      this.schedule();
    }
  }

  /** Queues a tick: at once while the fan-out budget allows, else once it does (see TickClock). */
  private schedule(): void {
    if (this.scheduled !== null || this.tickQueued) {
      return;
    }
    const run = (): void => {
      this.scheduled = null;
      this.tickQueued = true;
      void this.enqueue(() => this.flush());
    };
    const delay = this.clock.delay(this.connections.size, performance.now());
    if (delay === 0) {
      // Still after the messages already read from the sockets, so that they share the tick.
      const immediate = setImmediate(run);
      this.scheduled = () => clearImmediate(immediate);
    } else {
      const timeout = setTimeout(run, delay);
      this.scheduled = () => clearTimeout(timeout);
    }
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(work).catch((error: unknown) => {
      this.ctx.events.error('room work failed', error, { sectionId: this.sectionId });
    });
    return this.chain;
  }

  /** Commits what the tick gathered, then fans it out. */
  private async flush(): Promise<void> {
    this.tickQueued = false;
    if (this.status === 'failed') {
      settleAll(this.pendingUpdates, false, new Error('the document cannot be stored right now'));
      this.pendingUpdates = [];
      this.pendingAwareness = [];
      this.pendingBytes = 0;
      return;
    }
    const updates = this.pendingUpdates;
    const awareness = this.pendingAwareness;
    this.pendingUpdates = [];
    this.pendingAwareness = [];
    this.pendingBytes = 0;
    if (updates.length > 0) {
      await this.commit(updates);
    }
    if (awareness.length > 0 && this.isUsable()) {
      this.clock.spend(this.connections.size, performance.now());
      this.fanOutAwareness(awareness);
      const entries = awareness.flatMap((pending) => pending.entries);
      this.ctx.relay?.publish(this.sectionId, { awareness: encodeAwarenessUpdate(entries) });
    }
  }

  private async commit(batch: PendingUpdate[]): Promise<void> {
    const merged = batch.length === 1 ? (batch[0]).update : Y.mergeUpdates(batch.map((p) => p.update));
    let id: string | null;
    try {
      id = await this.ctx.persistence.append(this.sectionId, merged);
    } catch (error) {
      // Not stored, so not applied and not sent: the senders still hold their edits and
      // send them again when they reconnect.
      this.ctx.events.error('could not store an update', error, { sectionId: this.sectionId });
      settleAll(batch, false, error);
      this.fail();
      return;
    }
    if (id === null) {
      for (const sender of sendersOf(batch)) {
        sender.close(CLOSE.notEditable, 'the section cannot be edited now');
      }
      settleAll(batch, false);
      return;
    }
    Y.applyUpdate(this.doc, merged, this);
    this.logIds.push(id);
    this.backlogBytes += merged.length;
    this.docBytes += merged.length;
    this.ctx.relay?.publish(this.sectionId, { update: { id, bytes: merged } });
    this.clock.spend(this.connections.size, performance.now());
    fanOutUpdate(this.connections, merged, batch);
    this.askForMissing(batch);
    settleAll(batch, true);
    if (this.logIds.length >= this.ctx.limits.compactAfterUpdates || this.backlogBytes >= this.ctx.limits.compactAfterBytes) {
      this.compactAside();
    }
  }

  /**
   * An update that builds on edits we never stored (discarded while the sender could not
   * write) stays pending in the document. Asking its senders for a sync fetches what is
   * missing, so they do not drift apart from everybody else.
   */
  private askForMissing(batch: readonly PendingUpdate[]): void {
    if (this.doc.store.pendingStructs === null && this.doc.store.pendingDs === null) {
      return;
    }
    const request = encodeSyncStep1(Y.encodeStateVector(this.doc));
    for (const sender of sendersOf(batch)) {
      sender.send(request);
    }
  }

  /**
   * Presence goes to everybody, its senders included: y-websocket clients count their own
   * presence coming back as a sign of life (a client alone in a room would otherwise drop
   * the connection every 30 s), and learn their server-given colour from it.
   */
  private fanOutAwareness(batch: readonly PendingAwareness[]): void {
    const frame = encodeAwarenessMessage(encodeAwarenessUpdate(batch.flatMap((p) => p.entries)));
    for (const connection of this.connections) {
      connection.send(frame);
    }
  }

  /** A persisted update or presence from another process holding this room. */
  private fromRelay(message: RelayMessage): void {
    if (this.relayedWhileLoading) {
      this.relayedWhileLoading.push(message);
      return;
    }
    void this.enqueue(async () => {
      if (this.status !== 'ready') {
        return;
      }
      if (message.update) {
        Y.applyUpdate(this.doc, message.update.bytes, this);
        if (!this.logIds.includes(message.update.id)) {
          this.logIds.push(message.update.id);
        }
        this.backlogBytes += message.update.bytes.length;
        this.docBytes += message.update.bytes.length;
        const frame = encodeUpdate(message.update.bytes);
        for (const connection of this.connections) {
          connection.send(frame);
        }
      }
      if (message.queryAwareness) {
        const local = this.awareness.localSnapshot();
        if (local.length > 0) {
          this.ctx.relay?.publish(this.sectionId, { awareness: encodeAwarenessUpdate(local) });
        }
      }
      if (message.awareness) {
        const entries = decodeAwarenessUpdate(message.awareness);
        this.awareness.fromRelay(entries);
        this.fanOutAwareness([{ from: null, entries }]);
      }
      await Promise.resolve();
    });
  }

  /**
   * Compacts beside the ticks instead of in their chain: the transaction touches only the
   * snapshot and the rows it folds, so later appends need not wait for it (they did, and
   * every compaction showed in the latency). One compaction at a time.
   */
  private compactAside(): void {
    if (this.compacting !== null) {
      return;
    }
    this.compacting = this.compact().finally(() => {
      this.compacting = null;
    });
  }

  /** Folds the log into the snapshot. A failure leaves the log as it is, for a later try. */
  async compact(): Promise<void> {
    if (this.logIds.length === 0 || this.status === 'failed') {
      return;
    }
    // What the document holds now, copied: ticks during the transaction push further rows,
    // which this compaction must not delete.
    const logIds = [...this.logIds];
    const backlogBytes = this.backlogBytes;
    const state = Y.encodeStateAsUpdate(this.doc);
    try {
      await this.ctx.persistence.compact(this.sectionId, state, logIds);
      this.logIds = this.logIds.slice(logIds.length);
      this.backlogBytes -= backlogBytes;
      this.docBytes = state.length + this.backlogBytes;
    } catch (error) {
      this.ctx.events.error('could not compact a document', error, { sectionId: this.sectionId });
    }
  }

  /** False once storage failed: nothing more goes out. (A method, so TypeScript does not narrow it.) */
  private isUsable(): boolean {
    return this.status !== 'failed';
  }

  /** Storage failed: everybody reconnects to a freshly loaded room. */
  private fail(): void {
    this.status = 'failed';
    for (const connection of this.connections) {
      connection.close(CLOSE.unavailable, 'the document cannot be stored right now');
    }
  }

  /**
   * Finishes pending work, compacts and frees the room. `code` closes connections that are
   * still there (a server shutdown).
   */
  unload(code?: number, reason = ''): Promise<void> {
    if (this.status !== 'unloading' && this.status !== 'unloaded') {
      this.unloadDone = this.finish(code, reason);
    }
    return this.unloadDone;
  }

  private async finish(code: number | undefined, reason: string): Promise<void> {
    const failed = this.status === 'failed';
    this.status = 'unloading';
    this.scheduled?.();
    this.scheduled = null;
    if (failed) {
      settleAll(this.pendingUpdates, false, new Error('the document cannot be stored right now'));
      this.pendingUpdates = [];
    } else {
      await this.enqueue(() => this.flush());
      await this.compacting;
      await this.enqueue(() => this.compact());
    }
    if (code !== undefined) {
      for (const connection of this.connections) {
        connection.close(code, reason);
      }
    }
    await this.unsubscribe?.().catch((error: unknown) => {
      this.ctx.events.error('could not unsubscribe a room', error, { sectionId: this.sectionId });
    });
    this.status = 'unloaded';
    this.doc.destroy();
  }
}

/** The connections that sent updates of a batch (not the server's own). */
function sendersOf(batch: readonly PendingUpdate[]): Set<CollabConnection> {
  return new Set(batch.flatMap((pending) => (pending.from === null ? [] : [pending.from])));
}

/** Tells the server's own submitted updates of a batch how it went. */
function settleAll(batch: readonly PendingUpdate[], stored: boolean, error?: unknown): void {
  for (const pending of batch) {
    pending.settle?.(stored, error);
  }
}
