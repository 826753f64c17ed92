import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Person } from './factories.js';

// In Node every WebsocketProvider adds a listener for the process's 'exit' (destroy() removes
// it), so a spec with ten clients at once passed Node's warning threshold of 10 listeners.
// Raised to what the specs need; more than that still warns, as a leak of clients would.
const CLIENTS_AT_ONCE = 40;
if (process.getMaxListeners() < CLIENTS_AT_ONCE) {
  process.setMaxListeners(CLIENTS_AT_ONCE);
}

/** A y-websocket client as the web app runs it, with the person's session cookie and our Origin. */
export interface CollabClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The section's text as the client sees it. */
  text(): string;
  /** Types `text` at `index` of the first paragraph (made if missing). */
  type(text: string, index?: number): void;
  destroy(): void;
}

/** A `ws` WebSocket class that sends the given headers, as a browser sends cookie and Origin. */
export function webSocketWith(headers: Record<string, string>): typeof globalThis.WebSocket {
  class WithHeaders extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  // y-websocket only ever calls `new WS(url, protocols)`, which this class supports.
  return WithHeaders as unknown as typeof globalThis.WebSocket;
}

export function paragraphText(doc: Y.Doc): string {
  return doc
    .getXmlFragment('default')
    .toArray()
    .map((node) => {
      if (!(node instanceof Y.XmlElement)) {
        return '';
      }
      const children: unknown[] = node.toArray();
      return children.map((child) => (child instanceof Y.XmlText ? child.toJSON() : '')).join('');
    })
    .join('\n');
}

export function typeInto(doc: Y.Doc, text: string, index = 0): void {
  const fragment = doc.getXmlFragment('default');
  doc.transact(() => {
    if (fragment.length === 0) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('')]);
      fragment.insert(0, [paragraph]);
    }
    const paragraph = fragment.get(0) as Y.XmlElement;
    const textNode = paragraph.get(0) as Y.XmlText;
    textNode.insert(Math.min(index, textNode.length), text);
  });
}

export function connectCollab(origin: string, person: Person | null, sectionId: string, options: { connect?: boolean } = {}): CollabClient {
  const doc = new Y.Doc();
  const headers: Record<string, string> = { origin };
  if (person?.client.cookie) {
    headers.cookie = person.client.cookie;
  }
  const provider = new WebsocketProvider(`${origin.replace(/^http/, 'ws')}/collab`, sectionId, doc, {
    WebSocketPolyfill: webSocketWith(headers),
    disableBc: true,
    connect: options.connect ?? true,
    maxBackoffTime: 300,
  });
  return {
    doc,
    provider,
    text: () => paragraphText(doc),
    type: (text, index) => typeInto(doc, text, index),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves when `check` holds, polling; rejects with `what` after `timeoutMs`. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for: ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function synced(client: CollabClient, timeoutMs = 5000): Promise<void> {
  return eventually(() => client.provider.synced, 'the provider to sync', timeoutMs);
}
