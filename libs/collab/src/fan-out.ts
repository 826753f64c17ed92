import * as Y from 'yjs';
import { encodeAwarenessUpdate, type AwarenessEntry } from './awareness.js';
import type { CollabConnection } from './connection.js';
import { encodeAwarenessMessage, encodeUpdate } from './protocol.js';
import { disjointClients, joinAllButEach, splitUpdate } from './splice.js';

/** An update of a tick and who sent it (null: the server itself). */
export interface Sent {
  from: CollabConnection | null;
  update: Uint8Array;
}

/**
 * Each connection gets the batch minus its own updates: nobody hears an echo. Those who
 * sent nothing share one frame of the merged update; each sender gets the others' updates
 * joined by copying bytes (`splice.ts`), so a tick with k senders costs k small copies of
 * the tick, not k merges: merging is what made ticks, and so the next batch, grow with k.
 */
export function fanOutUpdate(
  connections: ReadonlySet<CollabConnection>,
  merged: Uint8Array,
  batch: readonly Sent[],
): void {
  const everything = encodeUpdate(merged);
  // Keyed by sender; null gathers what the server submitted, which every connection gets.
  const groups = new Map<CollabConnection | null, Uint8Array[]>();
  for (const { from, update } of batch) {
    const own = groups.get(from);
    if (own) {
      own.push(update);
    } else {
      groups.set(from, [update]);
    }
  }
  for (const connection of connections) {
    if (!groups.has(connection)) {
      connection.send(everything);
    }
  }
  const senders = [...groups.keys()];
  if (senders.filter((sender) => sender !== null).length === 0 || senders.length < 2) {
    return;
  }
  const own = senders.map((sender) => mergeAll(groups.get(sender) ?? []));
  const rest = othersOfEach(own);
  senders.forEach((sender, i) => {
    if (sender !== null && connections.has(sender)) {
      sender.send(encodeUpdate(rest[i]));
    }
  });
}

/** One frame to every connection. */
export function sendToAll(connections: ReadonlySet<CollabConnection>, frame: Uint8Array): void {
  for (const connection of connections) {
    connection.send(frame);
  }
}

/**
 * Presence goes to everybody, its senders included: y-websocket clients count their own
 * presence coming back as a sign of life (a client alone in a room would otherwise drop
 * the connection every 30 s), and learn their server-given colour from it.
 */
export function fanOutAwareness(
  connections: ReadonlySet<CollabConnection>,
  entries: readonly AwarenessEntry[],
): void {
  sendToAll(connections, encodeAwarenessMessage(encodeAwarenessUpdate(entries)));
}

/** One update from several. */
function mergeAll(updates: Uint8Array[]): Uint8Array {
  return updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
}

/**
 * For each sender's update, the updates of all the others. Joined from their bytes when no
 * client has structs in two of them (the usual case: one Yjs client per connection); else
 * merged, which is rare enough (a reconnect carrying others' edits) to afford.
 */
function othersOfEach(own: readonly Uint8Array[]): Uint8Array[] {
  const sections = own.map(splitUpdate);
  if (sections.every((part) => part !== null) && disjointClients(sections)) {
    return joinAllButEach(sections);
  }
  return own.map((_, i) => Y.mergeUpdates(own.filter((__, j) => j !== i)));
}
