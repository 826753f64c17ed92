import * as Y from 'yjs';
import type { CollabLimits } from './limits.js';
import type { CollabEvents, CollabPersistence, StoredDocument } from './ports.js';

/**
 * The log rows a room's document holds beyond the stored snapshot, and folding them into
 * it (compaction); also the document's stored size, for the size limit.
 */
export class Backlog {
  private ids: string[] = [];
  private bytes = 0;
  private snapshotBytes = 0;
  /** The compaction running beside the ticks, if any. */
  private running: Promise<void> | null = null;

  constructor(
    private readonly sectionId: string,
    private readonly persistence: CollabPersistence,
    private readonly events: CollabEvents,
    private readonly limits: Pick<CollabLimits, 'compactAfterUpdates' | 'compactAfterBytes'>,
  ) {}

  /** What a load read: the snapshot and the rows after it. */
  loaded(stored: StoredDocument): void {
    this.ids = stored.updates.map((row) => row.id);
    this.bytes = stored.updates.reduce((sum, row) => sum + row.update.length, 0);
    this.snapshotBytes = stored.state?.length ?? 0;
  }

  /** The document as stored: snapshot and log. */
  get documentBytes(): number {
    return this.snapshotBytes + this.bytes;
  }

  /** A row the document now holds. A relayed one may be known already (read by the load). */
  add(id: string, bytes: number): void {
    if (!this.ids.includes(id)) {
      this.ids.push(id);
      this.bytes += bytes;
    }
  }

  /**
   * Compacts beside the ticks instead of in their chain once the log reaches its bound: the
   * transaction touches only the snapshot and the rows it folds, so later appends need not
   * wait for it (they did, and every compaction showed in the latency). One at a time.
   */
  compactIfDue(doc: Y.Doc): void {
    const due = this.ids.length >= this.limits.compactAfterUpdates || this.bytes >= this.limits.compactAfterBytes;
    if (due && this.running === null) {
      this.running = this.compact(doc).finally(() => {
        this.running = null;
      });
    }
  }

  /** Settles once no compaction runs beside the ticks. */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** Folds the log into the snapshot. A failure leaves the log as it is, for a later try. */
  async compact(doc: Y.Doc): Promise<void> {
    if (this.ids.length === 0) {
      return;
    }
    // What the document holds now, copied: ticks during the transaction add further rows,
    // which this compaction must not delete.
    const ids = [...this.ids];
    const bytes = this.bytes;
    const state = Y.encodeStateAsUpdate(doc);
    try {
      await this.persistence.compact(this.sectionId, state, ids);
      this.ids = this.ids.slice(ids.length);
      this.bytes -= bytes;
      this.snapshotBytes = state.length;
    } catch (error) {
      this.events.error('could not compact a document', error, { sectionId: this.sectionId });
    }
  }
}
