// y-websocket's WebsocketProvider as the web app runs it, for Node: `ws` with cookie and Origin.
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** @param {Record<string, string>} headers */
function webSocketWith(headers) {
  class WithHeaders extends WebSocket {
    /** @param {string} url @param {string | string[]} [protocols] */
    constructor(url, protocols) {
      super(url, protocols, { headers, perMessageDeflate: false });
    }
  }
  return WithHeaders;
}

/**
 * Opens a provider on `endpoint` (`url` ends with the room name).
 * @param {import('./wire.mjs').Endpoint} endpoint
 * @param {Y.Doc} [doc]
 */
export function openProvider(endpoint, doc = new Y.Doc()) {
  const cut = endpoint.url.lastIndexOf('/');
  return new WebsocketProvider(endpoint.url.slice(0, cut), endpoint.url.slice(cut + 1), doc, {
    WebSocketPolyfill: /** @type {any} */ (webSocketWith(endpoint.headers)),
    disableBc: true,
    maxBackoffTime: 1000,
  });
}

/**
 * Whether `doc` holds everything `stateVector` names.
 * @param {Y.Doc} doc @param {Map<number, number>} stateVector
 */
export function covers(doc, stateVector) {
  for (const [client, clock] of stateVector) {
    if (Y.getState(doc.store, client) < clock) {
      return false;
    }
  }
  return true;
}

/**
 * Resolves with the time (ms, from `since`) at which the provider has synced and its document
 * covers `stateVector`; checked on every applied update, not by polling.
 * @param {WebsocketProvider} provider @param {Map<number, number>} stateVector
 * @param {number} since performance.now() at the start @param {number} [timeoutMs]
 */
export function whenCovered(provider, stateVector, since, timeoutMs = 60_000) {
  const doc = provider.doc;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (provider.synced && covers(doc, stateVector)) {
        const ms = performance.now() - since;
        done();
        resolve(ms);
      }
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`the document did not arrive within ${timeoutMs} ms`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      doc.off('update', check);
      provider.off('synced', check);
    };
    doc.on('update', check);
    provider.on('synced', check);
    check();
  });
}
