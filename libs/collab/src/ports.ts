/**
 * What the collaboration core needs from its host, as interfaces: the server wires them to
 * PostgreSQL, Redis and its logger; tests may wire them to anything real.
 */

/** A room's stored document: the compacted snapshot and the log of updates after it. */
export interface StoredDocument {
  state: Uint8Array | null;
  updates: Array<{ id: string; update: Uint8Array }>;
}

export interface CollabPersistence {
  load(sectionId: string): Promise<StoredDocument>;
  /**
   * Stores one merged update and returns its log id, or null when the section may not be
   * edited now (approved, in review, deleted): then nothing was stored.
   */
  append(sectionId: string, update: Uint8Array): Promise<string | null>;
  /**
   * Folds the log rows `logIds` into the snapshot, merged with `state` (the room's whole
   * document, which contains them), in one transaction.
   */
  compact(sectionId: string, state: Uint8Array, logIds: readonly string[]): Promise<void>;
}

/** What one process tells the others about a room: a persisted update, presence, or both. */
export interface RelayMessage {
  update?: { id: string; bytes: Uint8Array };
  awareness?: Uint8Array;
  /** A process that just loaded the room asks the others for the presence they hold. */
  queryAwareness?: boolean;
}

/** Pub/sub between processes that hold the same room (Redis); absent with one process. */
export interface CollabRelay {
  publish(sectionId: string, message: RelayMessage): void;
  /** Starts delivering the section's messages to `handler`; resolves to its unsubscribe. */
  subscribe(sectionId: string, handler: (message: RelayMessage) => void): Promise<() => Promise<void>>;
}

/** Things the host wants to know about: refused writes (audit) and failures (logs). */
export interface CollabEvents {
  rejectedWrite(event: { sectionId: string; userId: string; kind: 'sync-step-2' | 'update'; bytes: number }): void;
  closed(event: { sectionId: string; userId: string; code: number; reason: string }): void;
  error(message: string, error: unknown, context: Record<string, unknown>): void;
}
