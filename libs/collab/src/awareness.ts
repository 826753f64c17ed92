/**
 * Presence: the y-protocols awareness update format, and the room's table of who is
 * there. The server owns the `user` field of every state: it stamps each entry with the
 * identity of the connection that sent it, and a connection may only speak for the Yjs
 * client ids it introduced itself.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { ProtocolError } from './protocol.js';

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** Parsed JSON state; null when the client left. */
  state: Record<string, unknown> | null;
}

/** Who a connection is, as the server knows it. */
export interface Identity {
  id: string;
  name: string;
  color: string;
}

export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const entries: AwarenessEntry[] = [];
  try {
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i += 1) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const parsed: unknown = JSON.parse(decoding.readVarString(decoder));
      if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) {
        throw new ProtocolError('an awareness state must be an object or null');
      }
      entries.push({ clientId, clock, state: parsed as Record<string, unknown> | null });
    }
  } catch (error) {
    throw error instanceof ProtocolError ? error : new ProtocolError(`malformed awareness update (${(error as Error).message})`);
  }
  if (decoding.hasContent(decoder)) {
    throw new ProtocolError('trailing bytes after the awareness update');
  }
  return entries;
}

export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

interface Present {
  clock: number;
  state: Record<string, unknown>;
  /** The local connection that owns the client id; null for one on another process. */
  owner: object | null;
}

/** The id of the person a stamped state belongs to. */
function userIdOf(state: Record<string, unknown>): unknown {
  const user = state.user;
  return typeof user === 'object' && user !== null && 'id' in user ? user.id : undefined;
}

/** The presence table of one room. */
export class RoomAwareness {
  private readonly present = new Map<number, Present>();

  /**
   * Takes entries from a local connection: entries for client ids another connection owns
   * are dropped, the rest are stamped with the sender's identity. Returns what to relay.
   * A new connection of the same person, speaking for no client yet, may take a client id
   * over from another local connection: a browser whose network dropped comes back with its
   * old client id while the old connection is not yet known to be gone (until then it would
   * be missing from presence). Not one that speaks for a client already: y-websocket sends
   * back the states it received, so a person's second tab repeats the first tab's state.
   */
  fromConnection(owner: object, identity: Identity, entries: readonly AwarenessEntry[]): AwarenessEntry[] {
    const accepted: AwarenessEntry[] = [];
    const fresh = ![...this.present.values()].some((present) => present.owner === owner);
    for (const entry of entries) {
      const known = this.present.get(entry.clientId);
      const takesOver = fresh && known !== undefined && known.owner !== null && userIdOf(known.state) === identity.id;
      if (known && known.owner !== owner && !takesOver) {
        continue;
      }
      const state = entry.state === null ? null : { ...entry.state, user: { ...identity } };
      if (state === null) {
        this.present.delete(entry.clientId);
      } else {
        this.present.set(entry.clientId, { clock: entry.clock, state, owner });
      }
      accepted.push({ clientId: entry.clientId, clock: entry.clock, state });
    }
    return accepted;
  }

  /** Entries from another process, already stamped there. */
  fromRelay(entries: readonly AwarenessEntry[]): void {
    for (const entry of entries) {
      const known = this.present.get(entry.clientId);
      if (known && known.owner !== null) {
        continue;
      }
      if (entry.state === null) {
        this.present.delete(entry.clientId);
      } else {
        this.present.set(entry.clientId, { clock: entry.clock, state: entry.state, owner: null });
      }
    }
  }

  /** A connection left: its clients are gone. Returns the removals to relay. */
  removeOwner(owner: object): AwarenessEntry[] {
    const removed: AwarenessEntry[] = [];
    for (const [clientId, present] of this.present) {
      if (present.owner === owner) {
        this.present.delete(clientId);
        removed.push({ clientId, clock: present.clock + 1, state: null });
      }
    }
    return removed;
  }

  /** Whether `clientId` was introduced by `owner`. */
  owns(owner: object, clientId: number): boolean {
    return this.present.get(clientId)?.owner === owner;
  }

  /** The presence of this process's own connections (for a process asking for it). */
  localSnapshot(): AwarenessEntry[] {
    return [...this.present]
      .filter(([, present]) => present.owner !== null)
      .map(([clientId, present]) => ({ clientId, clock: present.clock, state: present.state }));
  }

  /** Everybody present now, for a connection that just arrived. */
  snapshot(): AwarenessEntry[] {
    return [...this.present].map(([clientId, present]) => ({ clientId, clock: present.clock, state: present.state }));
  }
}
