import type { CollabConnection } from './connection.js';

/** An update waiting for its tick, and who sent it. */
export interface PendingUpdate {
  /** The connection it came from; null for an update the server submits itself (a restore). */
  from: CollabConnection | null;
  update: Uint8Array;
  /** Told whether a submitted update was stored (false: the section is not editable now). */
  settle?: (stored: boolean, error?: unknown) => void;
}

/** How a tick's INSERT went: its log id, null when the section may not be edited now, or the error. */
export interface Stored {
  merged: Uint8Array;
  id: string | null;
  error?: unknown;
}

/** The connections that sent updates of a batch (not the server's own). */
export function sendersOf(batch: readonly PendingUpdate[]): Set<CollabConnection> {
  return new Set(batch.flatMap((pending) => (pending.from === null ? [] : [pending.from])));
}

/** Tells the server's own submitted updates of a batch how it went. */
export function settleAll(batch: readonly PendingUpdate[], stored: boolean, error?: unknown): void {
  for (const pending of batch) {
    pending.settle?.(stored, error);
  }
}
