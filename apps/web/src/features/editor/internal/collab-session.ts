import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CLOSED, FINAL_CLOSE_CODES } from './close-codes';
import { readSyncStep2, MESSAGE_SYNC } from './sync-messages';
import { SaveTracker } from './save-tracker';
import { peersOf, type Peer } from '../utils/peers';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'ended';

/** A try to connect again after the end (`reconnect()`): under way, or refused again. */
export type RetryState = 'idle' | 'trying' | 'refused';

export interface CollabState {
  connection: ConnectionState;
  /** The first sync with the server finished since the connection (re)opened. */
  synced: boolean;
  /** The stored document arrived at least once (editing may start). */
  loaded: boolean;
  /** Local edits exist that the server has not shown to have stored. */
  unsaved: boolean;
  /** The close code that ended the session for good (see FINAL_CLOSE_CODES). */
  endedWith: number | null;
  retry: RetryState;
  /** Who else has this section open, one entry per user. */
  peers: readonly Peer[];
}

/** The origin of edits taken in from an earlier page: local edits, not the server's. */
const KEPT_EDITS = Symbol('kept edits');

/** The WebSocket address of the collaboration endpoint on our own origin. */
export function collabUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/collab`;
}

/**
 * One section's live document in this tab: the Y.Doc, its y-websocket connection, presence
 * and whether our edits are stored. A small external store for React
 * (`subscribe`/`getState`), free of React itself.
 */
export class CollabSession {
  readonly doc = new Y.Doc();
  /**
   * This page's own name for what it keeps in the browser (unsent-edits.ts). Not
   * crypto.randomUUID(): that exists only in secure contexts, and a server on an intranet
   * address may be reached over plain HTTP.
   */
  readonly pageId = Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('');
  readonly provider: WebsocketProvider;
  private readonly tracker: SaveTracker;
  private state: CollabState = {
    connection: 'connecting',
    synced: false,
    loaded: false,
    unsaved: false,
    endedWith: null,
    retry: 'idle',
    peers: [],
  };
  private everConnected = false;
  /** A connection after the end is being tried: the end stands until it has synced. */
  private retrying = false;
  private readonly listeners = new Set<() => void>();

  /**
   * `onConnectionLost`: the connection dropped or an attempt failed. A browser says no more
   * than 1006 for an upgrade the server refused, be it for an ended session (401) or a
   * network that is gone, so the caller asks over HTTP which it was.
   */
  constructor(
    serverUrl: string,
    sectionId: string,
    private readonly onConnectionLost: () => void = () => undefined,
  ) {
    this.provider = new WebsocketProvider(serverUrl, sectionId, this.doc, {
      // The server is the one source of truth and stamps presence; tabs do not sync behind its back.
      disableBc: true,
      // y-websocket drops a connection that received nothing for 30 s, counting on hearing its
      // own presence back; our server never echoes anything to its sender. So a writer alone in
      // a section would reconnect every 30 s. A sync step 1 every 10 s is answered at once.
      resyncInterval: 10_000,
      // A try after the end is one try: refused again, the end stands (onClosed).
      shouldReconnect: (event) => !this.retrying && !FINAL_CLOSE_CODES.has(event.code),
    });
    const provider = this.provider;
    this.tracker = new SaveTracker(
      this.doc,
      {
        send: (message) => {
          const ws = provider.ws;
          if (!provider.wsconnected || ws === null || ws.readyState !== WebSocket.OPEN) {
            return false;
          }
          ws.send(message);
          return true;
        },
      },
      (origin) => origin !== provider,
    );
    // Every sync step 2 of the server also tells the tracker what the server has stored.
    const handleSync = provider.messageHandlers[MESSAGE_SYNC];
    if (handleSync !== undefined) {
      provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, ...rest) => {
        const update = readSyncStep2(decoder.arr, decoder.pos);
        handleSync(encoder, decoder, ...rest);
        if (update !== null) {
          this.tracker.serverState(update);
        }
      };
    }
    this.tracker.onChange(() => {
      this.update({ unsaved: this.tracker.unsaved });
    });
    window.addEventListener('offline', this.onOffline);
    provider.on('status', this.onStatus);
    provider.on('sync', this.onSync);
    provider.on('closed', this.onClosed);
    provider.awareness.on('change', this.onPresence);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getState = (): CollabState => this.state;

  /** Our edits the server has not shown to have stored, as one Yjs update; null when none. */
  get pendingEdits(): Uint8Array | null {
    return this.tracker.pending;
  }

  /**
   * Takes in edits an earlier page kept (useUnsentEdits): what of them the server lacks is
   * sent like edits made here, and counted as unsaved until the server shows it stored.
   * True when anything was new here.
   */
  adoptEdits(update: Uint8Array): boolean {
    let changed = false;
    const seen = (): void => {
      changed = true;
    };
    this.doc.on('update', seen);
    try {
      Y.applyUpdate(this.doc, update, KEPT_EDITS);
    } catch {
      // Not a Yjs update (a damaged record): nothing to take in.
    } finally {
      this.doc.off('update', seen);
    }
    return changed;
  }

  destroy(): void {
    window.removeEventListener('offline', this.onOffline);
    this.provider.off('status', this.onStatus);
    this.provider.off('sync', this.onSync);
    this.provider.off('closed', this.onClosed);
    this.provider.awareness.off('change', this.onPresence);
    this.tracker.destroy();
    this.provider.destroy();
    // Also ends the awareness (its timer) that listens to the document.
    this.doc.destroy();
    this.listeners.clear();
  }

  /**
   * Connects again. After the end: once the section may be back from the trash or the access
   * back (the end is kept until the new connection has synced, so a refusal changes nothing
   * on screen but `retry`). While connected: a new connection, so that the server asks for
   * every edit it lacks; it had discarded ours while we might not write, and now we may.
   */
  reconnect(): void {
    if (this.state.connection !== 'ended') {
      this.provider.disconnect();
      this.provider.connect();
      return;
    }
    if (this.retrying) {
      return;
    }
    this.retrying = true;
    this.update({ retry: 'trying' });
    this.provider.connect();
  }

  /**
   * The project's stream said that our access ended. The socket may not know yet, or never
   * learn it: while it was away, every new try is refused with a bare 1006 and would go on.
   */
  endAccess(): void {
    if (this.state.connection === 'ended') {
      return;
    }
    this.retrying = false;
    this.update({ connection: 'ended', synced: false, endedWith: CLOSED.forbidden, retry: 'idle', peers: [] });
    this.provider.disconnect();
  }

  /**
   * The browser knows the network is gone before the socket does: a WebSocket whose network
   * vanished stays "open" until y-websocket's 30 s silence timeout, and the status said
   * "Verbunden" all that time. Closed now, the provider retries until the network is back.
   */
  private readonly onOffline = (): void => {
    this.provider.ws?.close();
  };

  private readonly onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }): void => {
    if (this.state.connection === 'ended') {
      return;
    }
    if (status === 'connected') {
      if (this.everConnected) {
        this.presenceAfterReconnect();
      }
      this.everConnected = true;
      this.update({ connection: 'connected' });
    } else {
      if (status === 'disconnected') {
        this.onConnectionLost();
      }
      this.update({ connection: this.everConnected ? 'reconnecting' : 'connecting', synced: false });
    }
  };

  private readonly onSync = (synced: boolean): void => {
    if (synced && this.retrying) {
      // Back after the end: the section is open to us again.
      this.retrying = false;
      this.everConnected = true;
      this.update({ connection: 'connected', endedWith: null, retry: 'idle' });
    }
    if (this.state.connection === 'ended') {
      return;
    }
    this.update(synced ? { synced, loaded: true } : { synced });
    if (synced) {
      this.tracker.resynced();
    }
  };

  private readonly onClosed = ({ code }: { code: number }): void => {
    const wasRetrying = this.retrying;
    this.retrying = false;
    if (wasRetrying && !FINAL_CLOSE_CODES.has(code)) {
      // Refused again (an upgrade the server refuses is a bare 1006 here): the end stands.
      this.update({ retry: 'refused' });
      return;
    }
    this.update({ connection: 'ended', synced: false, endedWith: code, retry: wasRetrying ? 'refused' : 'idle', peers: [] });
  };

  /**
   * Back after a drop, presence is taken by clock: each side ignores a state that is not newer
   * than the last it saw of that client. The others saw our farewell (the server's, with our
   * clock + 1), and we remember the others' last clocks though their states were cleared: the
   * room's greeting with those same clocks, and our own state as it was, would be ignored until
   * the next renewal, up to half a minute of "nobody here". So we forget the others' clocks,
   * and step our own clock past the farewell's.
   */
  private presenceAfterReconnect(): void {
    const awareness = this.provider.awareness;
    for (const clientId of [...awareness.meta.keys()]) {
      if (clientId !== this.doc.clientID && !awareness.states.has(clientId)) {
        awareness.meta.delete(clientId);
      }
    }
    const own = awareness.getLocalState();
    if (own !== null) {
      awareness.setLocalState({ ...own });
      awareness.setLocalState({ ...own });
    }
  }

  private readonly onPresence = (): void => {
    this.update({ peers: peersOf(this.provider.awareness.getStates(), this.doc.clientID) });
  };

  private update(change: Partial<CollabState>): void {
    this.state = { ...this.state, ...change };
    this.listeners.forEach((listener) => {
      listener();
    });
  }
}
