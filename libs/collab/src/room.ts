import * as Y from 'yjs';
import { decodeAwarenessUpdate, encodeAwarenessUpdate, RoomAwareness } from './awareness.js';
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
import { fanOutAwareness, fanOutUpdate, sendToAll } from './fan-out.js';
import { Backlog } from './backlog.js';
import { sendersOf, settleAll, type PendingUpdate, type Stored } from './pending.js';
import { PresenceBatch } from './presence-batch.js';
import { RelayLink } from './relay-link.js';
import { TickClock } from './tick.js';
import { inspectUpdate } from './updates.js';

export interface RoomContext {
  persistence: CollabPersistence;
  relay: CollabRelay | null;
  events: CollabEvents;
  limits: CollabLimits;
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
  private readonly presence: PresenceBatch;
  /** Cancels the scheduled tick; null when none is scheduled. */
  private scheduled: (() => void) | null = null;
  private readonly clock: TickClock;
  /** Ticks (their applying and sending), final compactions and relayed messages run one after another. */
  private chain: Promise<void> = Promise.resolve();
  /** Log rows contained in `doc` but not yet folded into the snapshot. */
  private readonly backlog: Backlog;
  private pendingBytes = 0;
  /** Bytes of ticks whose INSERT has not finished yet. */
  private storingBytes = 0;
  private readonly relay: RelayLink;

  constructor(
    readonly sectionId: string,
    readonly projectId: string,
    private readonly ctx: RoomContext,
  ) {
    this.clock = new TickClock(ctx.limits.fanOutFramesPerSecond, ctx.limits.tickMs, performance.now());
    this.backlog = new Backlog(sectionId, ctx.persistence, ctx.events, ctx.limits);
    this.presence = new PresenceBatch(ctx.limits.tickMs, () => void this.sendPresence());
    this.relay = new RelayLink(ctx.relay, sectionId, (message) => this.fromRelay(message));
    this.ready = this.load();
  }

  private async load(): Promise<void> {
    try {
      await this.relay.open();
      const stored = await this.ctx.persistence.load(this.sectionId);
      this.doc.transact(() => {
        if (stored.state) {
          Y.applyUpdate(this.doc, stored.state);
        }
        for (const { update } of stored.updates) {
          Y.applyUpdate(this.doc, update);
        }
      });
      this.backlog.loaded(stored);
      this.status = 'ready';
      this.relay.loaded();
    } catch (error) {
      this.status = 'failed';
      await this.relay.close().catch(() => undefined);
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
          this.presence.add(entries);
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
    if (this.wouldGrowTooLarge(update)) {
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
    if (this.wouldGrowTooLarge(update)) {
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

  /** Whether `update` would take the document, stored and on its way to storage, beyond its size limit. */
  private wouldGrowTooLarge(update: Uint8Array): boolean {
    return (
      this.backlog.documentBytes + this.storingBytes + this.pendingBytes + update.length >
      this.ctx.limits.maxDocumentBytes
    );
  }

  /** A connection went away: its presence goes too. */
  leave(connection: CollabConnection): void {
    if (!this.connections.delete(connection)) {
      return;
    }
    const removed = this.awareness.removeOwner(connection);
    if (removed.length > 0) {
      this.presence.add(removed);
    }
  }

  /** Queues a tick: at once while the fan-out budget allows, else once it does (see TickClock). */
  private schedule(): void {
    if (this.scheduled !== null) {
      return;
    }
    const run = (): void => {
      this.scheduled = null;
      void this.tick();
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

  /**
   * Takes the pending updates. Their INSERT starts at once, even while earlier ticks' INSERTs
   * are still running (PostgreSQL then commits them with one WAL flush); applying and
   * sending stay in the order of the ticks, each only after its own commit. Resolves once sent.
   */
  private tick(): Promise<void> {
    const updates = this.pendingUpdates;
    this.pendingUpdates = [];
    this.pendingBytes = 0;
    if (this.status === 'failed') {
      settleAll(updates, false, new Error('the document cannot be stored right now'));
      return this.chain;
    }
    if (updates.length === 0) {
      return this.chain;
    }
    this.clock.spend(this.connections.size, performance.now());
    const stored = this.store(updates);
    return this.enqueue(async () => {
      this.publish(updates, await stored);
    });
  }

  /** Sends the gathered presence to everybody (and the other processes), in the order of the ticks. */
  private sendPresence(): Promise<void> {
    const entries = this.presence.take();
    if (entries.length === 0 || !this.isUsable()) {
      return this.chain;
    }
    this.clock.spend(this.connections.size, performance.now());
    return this.enqueue(async () => {
      if (this.isUsable()) {
        fanOutAwareness(this.connections, entries);
        this.relay.publishPresence(entries);
      }
      await Promise.resolve();
    });
  }

  /** Appends a tick's updates, merged, to the log; never rejects. */
  private store(batch: readonly PendingUpdate[]): Promise<Stored> {
    const merged = batch.length === 1 ? batch[0].update : Y.mergeUpdates(batch.map((p) => p.update));
    this.storingBytes += merged.length;
    return this.ctx.persistence.append(this.sectionId, merged).then(
      (id): Stored => ({ merged, id }),
      (error: unknown): Stored => ({ merged, id: null, error }),
    );
  }

  /** After its commit: applies a tick's update and sends it (or tells why not). */
  private publish(batch: PendingUpdate[], { merged, id, error }: Stored): void {
    this.storingBytes -= merged.length;
    if (error !== undefined) {
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
    if (!this.isUsable()) {
      // Stored after an earlier tick failed: the connections are closed, and the reloaded
      // room reads the row from the log.
      settleAll(batch, true);
      return;
    }
    // Sent before it is applied (it is stored, and nothing else runs in between): the clients
    // need not wait for the server's own copy of the document.
    fanOutUpdate(this.connections, merged, batch);
    this.relay.publishUpdate(id, merged);
    Y.applyUpdate(this.doc, merged, this);
    this.backlog.add(id, merged.length);
    this.askForMissing(batch);
    settleAll(batch, true);
    this.backlog.compactIfDue(this.doc);
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

  /** A persisted update or presence from another process holding this room. */
  private fromRelay(message: RelayMessage): void {
    void this.enqueue(async () => {
      if (this.status !== 'ready') {
        return;
      }
      if (message.update) {
        sendToAll(this.connections, encodeUpdate(message.update.bytes));
        Y.applyUpdate(this.doc, message.update.bytes, this);
        this.backlog.add(message.update.id, message.update.bytes.length);
      }
      if (message.queryAwareness) {
        this.relay.publishPresence(this.awareness.localSnapshot());
      }
      if (message.awareness) {
        const entries = decodeAwarenessUpdate(message.awareness);
        this.awareness.fromRelay(entries);
        fanOutAwareness(this.connections, entries);
      }
      await Promise.resolve();
    });
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
      this.presence.take();
    } else {
      // Departures too: the other processes must drop this one's presence.
      await this.sendPresence();
      await this.tick();
      await this.backlog.idle();
      await this.enqueue(() => this.backlog.compact(this.doc));
    }
    if (code !== undefined) {
      for (const connection of this.connections) {
        connection.close(code, reason);
      }
    }
    await this.relay.close().catch((error: unknown) => {
      this.ctx.events.error('could not unsubscribe a room', error, { sectionId: this.sectionId });
    });
    this.status = 'unloaded';
    this.doc.destroy();
  }
}
