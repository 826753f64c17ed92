// Worker process: the measuring clients, the durability check and the cold-load timing.
// Kept apart from the load worker so that its clock readings do not wait behind 200 editors.
import * as Y from 'yjs';
import { charsOf, makeBook } from './book.mjs';
import { ProbeSet } from './probes.mjs';
import { openProvider, whenCovered } from './provider.mjs';
import { serve } from './rpc.mjs';

/** @type {ProbeSet | null} */
let probes = null;
/** @type {{ doc: Y.Doc, state: Uint8Array, stateVector: Map<number, number>, chars: number } | null} */
let book = null;
/** Providers kept open between calls (the book's writer, a first reader). */
const held = [];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Connects a fresh provider and times its sync until it holds `stateVector`.
 * @param {import('./wire.mjs').Endpoint} endpoint @param {Map<number, number>} stateVector
 */
async function timedSync(endpoint, stateVector, timeoutMs = 60_000) {
  const t0 = performance.now();
  const provider = openProvider(endpoint);
  try {
    const ms = await whenCovered(provider, stateVector, t0, timeoutMs);
    return { provider, ms };
  } catch (error) {
    provider.destroy();
    throw error;
  }
}

serve({
  async startProbes({ endpoints, rate, awareness, paragraphs }) {
    probes = new ProbeSet(endpoints, { rate, awareness, paragraphs });
    await probes.synced();
    probes.start();
    return { probes: endpoints.length };
  },

  markProbes() {
    probes?.mark();
    return {};
  },

  async stopProbes({ graceMs }) {
    if (!probes) {
      throw new Error('no probes are running');
    }
    return probes.stop(graceMs);
  },

  closeProbes() {
    probes?.close();
    probes = null;
    return {};
  },

  /**
   * Durability: a newcomer (after the room was unloaded, it loads from the database) must
   * hold every update the editors made. `expected` lists [clientId, clock] pairs.
   */
  async verify({ endpoint, expected }) {
    const t0 = performance.now();
    const provider = openProvider(endpoint);
    const all = new Map(expected);
    try {
      await whenCovered(provider, new Map(), t0, 20_000);
      // Whatever the first sync did not bring may still be on its way: wait a little.
      await whenCovered(provider, all, t0, 3000).catch(() => undefined);
      let missingClients = 0;
      let missingItems = 0;
      for (const [client, clock] of all) {
        const have = Y.getState(provider.doc.store, client);
        if (have < clock) {
          missingClients += 1;
          missingItems += clock - have;
        }
      }
      const items = [...all.values()].reduce((sum, clock) => sum + clock, 0);
      return { clients: all.size, items, missingClients, missingItems };
    } finally {
      provider.destroy();
      provider.doc.destroy();
    }
  },

  /** Builds the long section; times Y.applyUpdate of its state into an empty document. */
  makeBook({ pages, runs = 7 }) {
    const made = makeBook(pages);
    const state = Y.encodeStateAsUpdate(made.doc);
    const stateVector = Y.decodeStateVector(Y.encodeStateVector(made.doc));
    book = { doc: made.doc, state, stateVector, chars: made.chars };
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      times.push(performance.now() - t0);
      if (charsOf(doc) !== made.chars) {
        throw new Error('the book does not survive encoding');
      }
      doc.destroy();
    }
    return { chars: made.chars, paragraphs: made.paragraphs, bytes: state.length, applyFirstMs: times[0], applyMs: median(times) };
  },

  /**
   * Sends the book into an empty room through the protocol (one update) and waits until a
   * second client received it: on Kapitel that means it is stored. The writer stays open.
   */
  async storeBook({ endpoint }) {
    if (!book) {
      throw new Error('makeBook first');
    }
    const writer = openProvider(endpoint);
    await whenCovered(writer, new Map(), performance.now());
    const t0 = performance.now();
    Y.applyUpdate(writer.doc, book.state);
    const { provider: reader, ms } = await timedSync(endpoint, book.stateVector);
    reader.destroy();
    held.push(writer);
    return { storedMs: performance.now() - t0, readerMs: ms };
  },

  /**
   * Writes a section's text (a Yjs update, base64) into its empty room through the protocol,
   * as one client's update, and waits until a second client has it (on Kapitel: stored).
   */
  async storeUpdate({ endpoint, update }) {
    const bytes = Buffer.from(update, 'base64');
    const stateVector = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(bytes));
    const writer = openProvider(endpoint);
    try {
      await whenCovered(writer, new Map(), performance.now());
      Y.applyUpdate(writer.doc, bytes);
      const { provider: reader } = await timedSync(endpoint, stateVector);
      reader.destroy();
      reader.doc.destroy();
    } finally {
      writer.destroy();
      writer.doc.destroy();
    }
    return {};
  },

  /** Times `runs` newcomers; with `keep`, the first stays open (so that the room stays loaded). */
  async timeSync({ endpoint, keep = false }) {
    if (!book) {
      throw new Error('makeBook first');
    }
    const { provider, ms } = await timedSync(endpoint, book.stateVector);
    if (charsOf(provider.doc) !== book.chars) {
      throw new Error(`the loaded section has ${charsOf(provider.doc)} characters, not ${book.chars}`);
    }
    if (keep) {
      held.push(provider);
    } else {
      provider.destroy();
      provider.doc.destroy();
    }
    return { ms };
  },

  closeHeld() {
    for (const provider of held.splice(0)) {
      provider.destroy();
      provider.doc.destroy();
    }
    return {};
  },
});
