// Worker process: simulated editors (typing into one section) and idle connections.
// Commands arrive from scripts/bench.mjs over IPC (see rpc.mjs).
import * as Y from 'yjs';
import { serve } from './rpc.mjs';
import { LightClient, mapLimit, sleep } from './wire.mjs';

const PHRASE = 'Die Ergebnisse der Erhebung zeigen deutlich, dass die Maßnahmen gewirkt haben. ';
const CONNECT_CONCURRENCY = 16;

/** @type {Map<string, LightClient[]>} */
const groups = new Map();
/** @type {Map<string, Editor[]>} */
const editorGroups = new Map();

/** @param {Y.Doc} doc */
const fragmentOf = (doc) => doc.getXmlFragment('default');

/** One simulated person typing at a steady pace, with the odd backspace. */
class Editor {
  /**
   * @param {LightClient} client @param {number} index
   * @param {{ rate: number, awareness: boolean, paragraphs: number }} plan
   */
  constructor(client, index, plan) {
    this.client = client;
    this.index = index;
    this.plan = plan;
    const paragraph = /** @type {Y.XmlElement} */ (fragmentOf(client.doc).get(index % plan.paragraphs));
    this.text = /** @type {Y.XmlText} */ (paragraph.get(0));
    this.ownStart = this.text.length;
    this.pos = this.text.length;
    this.typed = 0;
    this.deleted = 0;
    /** Keys and received messages at the start of the measured window. */
    this.mark = 0;
    this.receivedMark = 0;
    /** @type {NodeJS.Timeout | null} */
    this.timer = null;
  }

  start() {
    // A random phase, so that 200 people do not hit the keys in lock-step.
    this.timer = setTimeout(() => this.key(), Math.random() * (1000 / this.plan.rate));
  }

  key() {
    if (this.client.closeCode !== null) {
      this.timer = null;
      return;
    }
    if (this.pos > this.ownStart && Math.random() < 0.05) {
      this.pos -= 1;
      this.text.delete(this.pos, 1);
      this.deleted += 1;
    } else {
      this.text.insert(this.pos, PHRASE[(this.typed + this.index) % PHRASE.length]);
      this.pos += 1;
      this.typed += 1;
    }
    if (this.plan.awareness) {
      const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(this.text, this.pos));
      this.client.sendAwareness({ user: { name: `Editor ${this.index}` }, cursor: { anchor: at, head: at } });
    }
    const interval = 1000 / this.plan.rate;
    this.timer = setTimeout(() => this.key(), interval * (0.7 + 0.6 * Math.random()));
  }

  stop() {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }
}

/**
 * @param {import('./wire.mjs').Endpoint[]} endpoints
 * @param {(endpoint: import('./wire.mjs').Endpoint, index: number) => LightClient} make
 */
async function connectAll(endpoints, make) {
  return mapLimit(endpoints, CONNECT_CONCURRENCY, (endpoint, index) => make(endpoint, index).open());
}

serve({
  /** Writes `paragraphs` paragraphs into an empty room, and waits until a newcomer sees them. */
  async seed({ endpoint, paragraphs }) {
    const writer = await new LightClient(endpoint).open();
    const fragment = fragmentOf(writer.doc);
    writer.doc.transact(() => {
      for (let i = fragment.length; i < paragraphs; i++) {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(`Absatz ${i + 1}: `)]);
        fragment.push([paragraph]);
      }
    });
    for (let attempt = 0; ; attempt++) {
      const reader = await new LightClient(endpoint, { applyRemote: true }).open();
      const seen = fragmentOf(reader.doc).length;
      reader.close();
      if (seen >= paragraphs) {
        break;
      }
      if (attempt > 100) {
        throw new Error(`the seed did not arrive (${seen} of ${paragraphs} paragraphs)`);
      }
      await sleep(50);
    }
    writer.close();
    return { paragraphs };
  },

  /** Opens one quiet connection per endpoint (a person with the section open, not typing). */
  async openIdle({ group, endpoints }) {
    const clients = await connectAll(endpoints, (endpoint, i) => new LightClient(endpoint, { hello: { user: { name: `Idle ${i}` } } }));
    groups.set(group, [...(groups.get(group) ?? []), ...clients]);
    return { open: clients.length };
  },

  async closeGroup({ group }) {
    for (const client of groups.get(group) ?? []) {
      client.close();
    }
    groups.delete(group);
    editorGroups.delete(group);
    await sleep(100);
    return {};
  },

  /** Connects the editors (one endpoint each) and lets them type at `rate` keys per second. */
  async startEditors({ group, endpoints, rate, awareness, paragraphs }) {
    const clients = await connectAll(endpoints, (endpoint, i) => new LightClient(endpoint, { hello: { user: { name: `Editor ${i}` } } }));
    const editors = clients.map((client, i) => new Editor(client, i, { rate, awareness, paragraphs }));
    groups.set(group, clients);
    editorGroups.set(group, editors);
    editors.forEach((editor) => editor.start());
    return { editors: editors.length };
  },

  /** Counts from now on: keys typed so far are forgotten. */
  markEditors({ group }) {
    for (const editor of editorGroups.get(group) ?? []) {
      editor.mark = editor.typed + editor.deleted;
      editor.receivedMark = editor.client.received.messages;
    }
    return {};
  },

  /** Stops typing; reports keys since the mark, each editor's last clock and lost connections. */
  stopEditors({ group }) {
    const editors = editorGroups.get(group) ?? [];
    editors.forEach((editor) => editor.stop());
    const closed = editors.filter((editor) => editor.client.closeCode !== null);
    return {
      keys: editors.reduce((sum, editor) => sum + editor.typed + editor.deleted - editor.mark, 0),
      clocks: editors.map((editor) => [editor.client.doc.clientID, Y.getState(editor.client.doc.store, editor.client.doc.clientID)]),
      closed: closed.length,
      closeCodes: [...new Set(closed.map((editor) => editor.client.closeCode))],
      received: editors.reduce((sum, editor) => sum + editor.client.received.messages - editor.receivedMark, 0),
    };
  },
});
