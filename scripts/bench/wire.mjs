// The y-websocket v1 wire format, and a light client for simulated editors and idle connections.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;

/** @typedef {{ url: string, headers: Record<string, string> }} Endpoint  `url` names the room. */

/** @param {number} type @param {(encoder: encoding.Encoder) => void} body */
function message(type, body) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  body(encoder);
  return encoding.toUint8Array(encoder);
}

/** @param {Y.Doc} doc */
export function syncStep1(doc) {
  return message(MESSAGE_SYNC, (e) => {
    encoding.writeVarUint(e, SYNC_STEP_1);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
  });
}

/** @param {number} kind SYNC_STEP_2 (1) or update (2) @param {Uint8Array} update */
export function syncUpdate(kind, update) {
  return message(MESSAGE_SYNC, (e) => {
    encoding.writeVarUint(e, kind);
    encoding.writeVarUint8Array(e, update);
  });
}

/**
 * One awareness entry, as y-protocols encodes it.
 * @param {number} clientId @param {number} clock @param {unknown} state
 */
export function awarenessMessage(clientId, clock, state) {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  return message(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, encoding.toUint8Array(inner)));
}

/**
 * A y-websocket client without the provider: it syncs once and then, unless `applyRemote`,
 * only counts what arrives. Simulated editors need no copy of the others' text to make valid
 * updates, and applying every update in 200 documents would make the load generator, not the
 * server, the bottleneck on a 2-core machine.
 */
export class LightClient {
  /**
   * @param {Endpoint} endpoint
   * @param {{ doc?: Y.Doc, applyRemote?: boolean, hello?: unknown }} [options]
   */
  constructor(endpoint, options = {}) {
    this.endpoint = endpoint;
    this.doc = options.doc ?? new Y.Doc();
    this.applyRemote = options.applyRemote ?? false;
    this.hello = options.hello;
    this.synced = false;
    this.awarenessClock = 0;
    this.received = { messages: 0, bytes: 0 };
    /** @type {number | null} */
    this.closeCode = null;
    /** @type {WebSocket | null} */
    this.ws = null;
    this.doc.on('update', (update, origin) => {
      if (origin !== this) {
        this.send(syncUpdate(2, update));
      }
    });
  }

  /**
   * Connects and resolves once the server's sync step 2 was applied.
   * @param {number} [timeoutMs]
   */
  open(timeoutMs = 30_000) {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.endpoint.url, { headers: this.endpoint.headers, perMessageDeflate: false });
      this.ws = ws;
      const timer = setTimeout(() => fail(new Error(`no sync within ${timeoutMs} ms`)), timeoutMs);
      const fail = (error) => {
        clearTimeout(timer);
        ws.terminate();
        reject(error);
      };
      ws.on('unexpected-response', (_req, res) => fail(new Error(`upgrade refused: HTTP ${res.statusCode}`)));
      ws.on('error', (error) => {
        if (!this.synced) {
          fail(error);
        }
      });
      ws.on('open', () => {
        ws.send(syncStep1(this.doc));
        if (this.hello !== undefined) {
          this.sendAwareness(this.hello);
        }
      });
      ws.on('close', (code) => {
        this.closeCode = code;
        if (!this.synced) {
          fail(new Error(`closed before sync (${code})`));
        }
      });
      ws.on('message', (data) => {
        this.received.messages += 1;
        this.received.bytes += data.length;
        if (data[0] !== MESSAGE_SYNC || (this.synced && !this.applyRemote && data[1] !== SYNC_STEP_1)) {
          return;
        }
        const decoder = decoding.createDecoder(data);
        decoding.readVarUint(decoder);
        const kind = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (kind === SYNC_STEP_1) {
          ws.send(syncUpdate(SYNC_STEP_2, Y.encodeStateAsUpdate(this.doc, payload)));
          return;
        }
        Y.applyUpdate(this.doc, payload, this);
        if (kind === SYNC_STEP_2 && !this.synced) {
          this.synced = true;
          clearTimeout(timer);
          resolve(this);
        }
      });
    });
  }

  /** @param {Uint8Array} frame */
  send(frame) {
    if (this.ws?.readyState === WebSocket.OPEN) {
      this.ws.send(frame);
    }
  }

  /** @param {unknown} state */
  sendAwareness(state) {
    this.awarenessClock += 1;
    this.send(awarenessMessage(this.doc.clientID, this.awarenessClock, state));
  }

  close() {
    this.ws?.close();
    this.doc.destroy();
  }
}

/**
 * Runs `task` over `items` with at most `limit` at a time; resolves with the results in order.
 * @template T, R
 * @param {readonly T[]} items @param {number} limit @param {(item: T, index: number) => Promise<R>} task
 * @returns {Promise<R[]>}
 */
export async function mapLimit(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  });
  await Promise.all(runners);
  return results;
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
