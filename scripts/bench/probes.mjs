// Measuring clients: full y-websocket providers that type, and time how long each keystroke
// of one takes to become visible in the documents of the others.
import * as Y from 'yjs';
import { openProvider } from './provider.mjs';

const LATE_MS = 10_000;

/**
 * One typed character awaited by the other probes.
 * @typedef {{ from: number, client: number, clock: number, t0: number, seenBy: Set<number> }} Marker
 */

export class ProbeSet {
  /**
   * @param {import('./wire.mjs').Endpoint[]} endpoints one per probe
   * @param {{ rate: number, awareness: boolean, paragraphs: number }} plan
   */
  constructor(endpoints, plan) {
    this.plan = plan;
    /** @type {Marker[]} */
    this.markers = [];
    /** @type {number[]} latency of each arrival */
    this.samples = [];
    /** @type {number[]} when its keystroke was made, ms into the measured window */
    this.times = [];
    this.window = { start: Infinity, end: Infinity };
    this.late = 0;
    this.disconnects = 0;
    this.typing = false;
    this.probes = endpoints.map((endpoint, index) => {
      const provider = openProvider(endpoint);
      provider.on('status', (/** @type {{status: string}} */ event) => {
        if (event.status === 'disconnected' && this.typing) {
          this.disconnects += 1;
        }
      });
      provider.doc.on('update', (_update, origin) => {
        if (origin === provider) {
          this.arrived(index);
        }
      });
      return { index, provider, doc: provider.doc, timer: /** @type {NodeJS.Timeout | null} */ (null) };
    });
  }

  /** Resolves once every probe has synced. */
  synced(timeoutMs = 30_000) {
    return Promise.all(
      this.probes.map(
        ({ provider }) =>
          new Promise((resolve, reject) => {
            if (provider.synced) {
              resolve(undefined);
              return;
            }
            const timer = setTimeout(() => reject(new Error('a probe did not sync')), timeoutMs);
            provider.once('synced', () => {
              clearTimeout(timer);
              resolve(undefined);
            });
          }),
      ),
    );
  }

  start() {
    this.typing = true;
    for (const probe of this.probes) {
      probe.timer = setTimeout(() => this.key(probe), Math.random() * (1000 / this.plan.rate));
    }
  }

  /** @param {ProbeSet['probes'][number]} probe */
  key(probe) {
    const { doc } = probe;
    const paragraphs = doc.getXmlFragment('default');
    const paragraph = /** @type {Y.XmlElement} */ (paragraphs.get(paragraphs.length - 1 - (probe.index % this.plan.paragraphs)));
    const text = /** @type {Y.XmlText} */ (paragraph.get(0));
    const clock = Y.getState(doc.store, doc.clientID);
    const t0 = performance.now();
    text.insert(text.length, 'x');
    this.markers.push({ from: probe.index, client: doc.clientID, clock, t0, seenBy: new Set() });
    if (this.plan.awareness) {
      const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length));
      probe.provider.awareness.setLocalStateField('cursor', { anchor: at, head: at });
    }
    const interval = 1000 / this.plan.rate;
    probe.timer = setTimeout(() => this.key(probe), interval * (0.7 + 0.6 * Math.random()));
  }

  /** @param {number} index the probe whose document just received something */
  arrived(index) {
    const now = performance.now();
    const doc = this.probes[index].doc;
    let finished = 0;
    for (const marker of this.markers) {
      if (marker.from === index || marker.seenBy.has(index) || Y.getState(doc.store, marker.client) <= marker.clock) {
        continue;
      }
      marker.seenBy.add(index);
      this.record(marker, now - marker.t0);
      if (marker.seenBy.size === this.probes.length - 1) {
        finished += 1;
      }
    }
    if (finished > 0) {
      this.markers = this.markers.filter((marker) => marker.seenBy.size < this.probes.length - 1);
    }
  }

  /** @param {Marker} marker @param {number} ms */
  record(marker, ms) {
    if (marker.t0 >= this.window.start && marker.t0 < this.window.end) {
      this.samples.push(ms);
      this.times.push(marker.t0 - this.window.start);
    }
  }

  /** Keystrokes from now on are measured. */
  mark() {
    this.window.start = performance.now();
    this.samples = [];
    this.times = [];
  }

  /**
   * Stops typing, waits up to `graceMs` for keystrokes still on their way, and reports.
   * @param {number} graceMs
   */
  async stop(graceMs) {
    this.window.end = performance.now();
    this.typing = false;
    for (const probe of this.probes) {
      if (probe.timer) {
        clearTimeout(probe.timer);
      }
    }
    const deadline = performance.now() + graceMs;
    while (this.markers.some((m) => m.t0 >= this.window.start) && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const open = this.markers.filter((m) => m.t0 >= this.window.start && m.t0 < this.window.end);
    const missing = open.reduce((sum, m) => sum + (this.probes.length - 1 - m.seenBy.size), 0);
    return {
      samples: this.samples,
      times: this.times,
      missing,
      late: this.samples.filter((ms) => ms > LATE_MS).length,
      disconnects: this.disconnects,
      clocks: this.probes.map(({ doc }) => [doc.clientID, Y.getState(doc.store, doc.clientID)]),
    };
  }

  close() {
    for (const { provider, doc } of this.probes) {
      provider.destroy();
      doc.destroy();
    }
  }
}
