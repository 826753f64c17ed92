import {
  decodeAwarenessUpdate,
  encodeAwarenessMessage,
  encodeAwarenessUpdate,
  encodeSyncStep1,
  MESSAGE_QUERY_AWARENESS,
  parseClientMessage,
  type AwarenessEntry,
} from '@kapitel/collab';
import type pg from 'pg';
import { WebSocket, type RawData } from 'ws';
import * as Y from 'yjs';
import { colourOf } from '../src/modules/collab/collab-access.js';
import { eventually, paragraphText, typeInto } from './collab-client.js';
import type { Person } from './factories.js';

/**
 * Raw y-websocket frames over a plain `ws` WebSocket, for tests that must say exactly what
 * goes over the wire: hand-crafted messages, hostile bytes, and what a peer received.
 */

export function collabUrl(origin: string, sectionId: string): string {
  return `${origin.replace(/^http/, 'ws')}/collab/${sectionId}`;
}

/** The headers a browser of `person` sends on the upgrade: our Origin and the session cookie. */
export function upgradeHeaders(origin: string, person: Person | null): Record<string, string> {
  return { origin, ...(person?.client.cookie ? { cookie: person.client.cookie } : {}) };
}

/** How the server answered an upgrade request: 101 when a WebSocket opened, else the HTTP status and body. */
export function upgradeAnswer(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (request, response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body });
        request.destroy();
      });
    });
    ws.on('open', () => {
      resolve({ status: 101, body: '' });
      ws.close();
    });
    // After the answer is read, destroying the request may still report an error: it says nothing.
    ws.on('error', reject);
  });
}

/** The identity the server stamps into a person's presence: id, name and the colour it picks for them. */
export function identityOf(person: Person): { id: string; name: string; color: string } {
  return { id: person.user.id, name: person.user.name, color: colourOf(person.user.id) };
}

/** A Yjs V1 update that adds one paragraph holding `text`: real content, independent of any other state. */
export function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  typeInto(doc, text);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** A V1 update that only deletes everything in `state`'s fragment: no new structs, just a delete set. */
export function deleteAllUpdate(state: Uint8Array): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  const fragment = doc.getXmlFragment('default');
  fragment.delete(0, fragment.length);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

/** The same paragraph encoded as a Yjs V2 update, which the protocol does not allow. */
export function paragraphUpdateV2(text: string): Uint8Array {
  const doc = new Y.Doc();
  typeInto(doc, text);
  const update = Y.encodeStateAsUpdateV2(doc);
  doc.destroy();
  return update;
}

/** One awareness message setting `state` for `clientId`. */
export function awarenessFrame(
  clientId: number,
  clock: number,
  state: Record<string, unknown> | null,
): Uint8Array {
  return encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId, clock, state }]));
}

/** Deterministic pseudo-random bytes (mulberry32), so a failing case can be replayed. */
export function pseudoRandomBytes(seed: number, length: number): Uint8Array {
  let state = seed >>> 0;
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    bytes[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return bytes;
}

function containsBytes(haystack: Uint8Array, needle: string): boolean {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).includes(
    Buffer.from(needle, 'utf8'),
  );
}

/**
 * A client on a plain WebSocket. Its `doc` holds what the server sent (sync step 2 and
 * update messages); `frames` every binary frame; `presence` every awareness entry received.
 */
export class RawPeer {
  readonly doc = new Y.Doc();
  readonly frames: Uint8Array[] = [];
  readonly presence: AwarenessEntry[] = [];
  close: { code: number; reason: string } | null = null;
  /** Frames from the server that were not one well-formed message (there should be none). */
  readonly unreadable: Error[] = [];
  private awarenessFrames = 0;

  constructor(readonly ws: WebSocket) {
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary) {
        return;
      }
      const buffer = Array.isArray(data)
        ? Buffer.concat(data)
        : Buffer.isBuffer(data)
          ? data
          : Buffer.from(data);
      const frame = new Uint8Array(buffer);
      this.frames.push(frame);
      try {
        const message = parseClientMessage(frame);
        if (message.kind === 'sync-step-2' || message.kind === 'update') {
          Y.applyUpdate(this.doc, message.update);
        } else if (message.kind === 'awareness') {
          this.presence.push(...decodeAwarenessUpdate(message.update));
          this.awarenessFrames += 1;
        }
      } catch (error) {
        this.unreadable.push(error as Error);
      }
    });
    ws.on('close', (code: number, reason: Buffer) => {
      this.close = { code, reason: reason.toString('utf8') };
    });
    ws.on('error', () => undefined);
  }

  /** The section's paragraphs as this peer has received them. */
  text(): string {
    return paragraphText(this.doc);
  }

  /** Whether any frame this peer received carries `marker` (Yjs stores strings as UTF-8). */
  received(marker: string): boolean {
    return this.frames.some((frame) => containsBytes(frame, marker));
  }

  /** The latest presence this peer received for `clientId`. */
  presenceOf(clientId: number): AwarenessEntry | undefined {
    return this.presence.filter((entry) => entry.clientId === clientId).at(-1);
  }

  send(frame: Uint8Array | string): void {
    this.ws.send(frame);
  }

  /**
   * Asks for the room's presence and waits for the answer. The server handles a
   * connection's messages in order, so everything sent before has been handled by then.
   */
  async roundTrip(timeoutMs = 5000): Promise<AwarenessEntry[]> {
    const before = this.awarenessFrames;
    const seen = this.presence.length;
    this.send(Uint8Array.of(MESSAGE_QUERY_AWARENESS));
    await eventually(
      () => this.awarenessFrames > before || this.close !== null,
      'an answer to query-awareness',
      timeoutMs,
    );
    if (this.close) {
      throw new Error(`the connection closed instead (${this.close.code} ${this.close.reason})`);
    }
    return this.presence.slice(seen);
  }

  /** Waits until the server closed the connection; returns code and reason. */
  async closed(timeoutMs = 5000): Promise<{ code: number; reason: string }> {
    await eventually(() => this.close !== null, 'the server to close the connection', timeoutMs);
    return this.close as { code: number; reason: string };
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN && this.close === null;
  }

  destroy(): void {
    this.ws.terminate();
    this.doc.destroy();
  }
}

/**
 * Opens a raw connection as `person`, waits until the room greeted it (its sync step 1),
 * then fetches the whole document into `peer.doc`.
 */
export async function openPeer(origin: string, person: Person, sectionId: string): Promise<RawPeer> {
  const ws = new WebSocket(collabUrl(origin, sectionId), { headers: upgradeHeaders(origin, person) });
  const peer = new RawPeer(ws);
  await eventually(() => peer.frames.length > 0 || peer.close !== null, 'the room to greet the connection');
  if (peer.close) {
    throw new Error(`the connection closed (${peer.close.code} ${peer.close.reason})`);
  }
  peer.send(encodeSyncStep1(Y.encodeStateVector(peer.doc)));
  await peer.roundTrip();
  return peer;
}

/** Rows of a section's stored text: the update log and the snapshot. */
export async function storedRows(
  db: pg.Pool,
  sectionId: string,
): Promise<{ updates: number; documents: number }> {
  const { rows } = await db.query<{ updates: number; documents: number }>(
    `SELECT (SELECT count(*)::int FROM section_updates WHERE section_id = $1) AS updates,
            (SELECT count(*)::int FROM section_documents WHERE section_id = $1) AS documents`,
    [sectionId],
  );
  return rows[0];
}

/** How many stored rows of a section (log, snapshot, versions) carry `marker` anywhere. */
export async function storedRowsWith(db: pg.Pool, sectionId: string, marker: string): Promise<number> {
  const needle = Buffer.from(marker, 'utf8');
  const { rows } = await db.query<{ n: number }>(
    `SELECT (SELECT count(*)::int FROM section_updates WHERE section_id = $1 AND position($2::bytea IN data) > 0)
          + (SELECT count(*)::int FROM section_documents WHERE section_id = $1
               AND (position($2::bytea IN state) > 0 OR strpos(text, $3) > 0))
          + (SELECT count(*)::int FROM section_versions WHERE section_id = $1 AND position($2::bytea IN state) > 0) AS n`,
    [sectionId, needle, marker],
  );
  return rows[0]?.n ?? 0;
}

/** Audit rows `section.write_rejected` for this user and section. */
export async function rejectedWriteAudits(db: pg.Pool, userId: string, sectionId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_events
      WHERE action = 'section.write_rejected' AND actor_id = $1 AND target_type = 'section' AND target_id = $2`,
    [userId, sectionId],
  );
  return rows[0]?.n ?? 0;
}

/** Resolves after `ms`: for the few places where only the absence of an effect can be checked. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
