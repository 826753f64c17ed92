import { afterEach, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { SaveTracker, type SaveTrackerTiming } from './save-tracker';

const FAST: SaveTrackerTiming = { settleMs: 5, maxWaitMs: 20, retryMs: 10 };
/** The origin the provider gives to what it applies from the server. */
const FROM_SERVER = { provider: true };

/** Reads the state vector out of a sync step 1 message (outer 0, inner 0, length, bytes). */
function stateVectorOf(message: Uint8Array): Uint8Array {
  expect([...message.subarray(0, 2)]).toEqual([0, 0]);
  let length = 0;
  let factor = 1;
  let pos = 2;
  for (;;) {
    const byte = message[pos] ?? 0;
    pos += 1;
    length += (byte & 0x7f) * factor;
    if (byte < 0x80) {
      break;
    }
    factor *= 128;
  }
  return message.subarray(pos, pos + length);
}

/**
 * A collaboration server in miniature: it stores the client's updates only when told to
 * (`deliver`), and answers every sync step 1 from what it stored, as libs/collab does.
 */
class FakeServer {
  readonly doc = new Y.Doc();
  connected = true;
  questions = 0;
  private readonly held: Uint8Array[] = [];
  tracker: SaveTracker | null = null;

  constructor(client: Y.Doc, private storing: boolean) {
    client.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_SERVER) {
        return;
      }
      if (this.storing) {
        Y.applyUpdate(this.doc, update);
      } else {
        this.held.push(update);
      }
    });
  }

  send = (message: Uint8Array): boolean => {
    if (!this.connected) {
      return false;
    }
    this.questions += 1;
    const answer = Y.encodeStateAsUpdate(this.doc, stateVectorOf(message));
    setTimeout(() => this.tracker?.serverState(answer), 1);
    return true;
  };

  /** Stores what was held back, and everything from now on. */
  deliver(): void {
    this.storing = true;
    this.held.splice(0).forEach((update) => {
      Y.applyUpdate(this.doc, update);
    });
  }
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 2000;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out: ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SaveTracker', () => {
  const trackers: SaveTracker[] = [];
  afterEach(() => {
    trackers.splice(0).forEach((tracker) => {
      tracker.destroy();
    });
  });

  function setUp(storing: boolean) {
    const client = new Y.Doc();
    const server = new FakeServer(client, storing);
    const tracker = new SaveTracker(client, server, (origin) => origin !== FROM_SERVER, FAST);
    server.tracker = tracker;
    trackers.push(tracker);
    return { client, server, tracker, text: client.getText('t') };
  }

  it('calls a local edit saved once the server’s answer shows it stored', async () => {
    const { tracker, text } = setUp(true);
    expect(tracker.unsaved).toBe(false);
    text.insert(0, 'Hallo');
    expect(tracker.unsaved).toBe(true);
    await until(() => !tracker.unsaved, 'saved');
  });

  it('keeps an edit unsaved while the server has not stored it, however often it answers', async () => {
    const { server, tracker, text } = setUp(false);
    text.insert(0, 'Hallo');
    await until(() => server.questions >= 3, 'several questions');
    expect(tracker.unsaved).toBe(true);
    server.deliver();
    await until(() => !tracker.unsaved, 'saved after delivery');
  });

  it('treats a deletion of someone else’s text as unsaved until the server has the deletion', async () => {
    const { client, server, tracker, text } = setUp(false);
    const other = new Y.Doc();
    other.getText('t').insert(0, 'abc');
    const fromOther = Y.encodeStateAsUpdate(other);
    Y.applyUpdate(server.doc, fromOther);
    Y.applyUpdate(client, fromOther, FROM_SERVER);
    expect(tracker.unsaved).toBe(false);

    text.delete(1, 1);
    expect(tracker.unsaved).toBe(true);
    await until(() => server.questions >= 2, 'questions');
    expect(tracker.unsaved).toBe(true);
    server.deliver();
    await until(() => !tracker.unsaved, 'saved after delivery');
    expect(server.doc.getText('t').toJSON()).toBe('ac');
  });

  it('never counts what arrives from the server as an unsaved edit', async () => {
    const { client, tracker } = setUp(true);
    const other = new Y.Doc();
    other.getText('t').insert(0, 'von jemand anderem');
    Y.applyUpdate(client, Y.encodeStateAsUpdate(other), FROM_SERVER);
    expect(tracker.unsaved).toBe(false);
    await pause(30);
    expect(tracker.unsaved).toBe(false);
  });

  it('asks again after a reconnection, not before', async () => {
    const { server, tracker, text } = setUp(true);
    server.connected = false;
    text.insert(0, 'offline geschrieben');
    await pause(40);
    expect(tracker.unsaved).toBe(true);
    expect(server.questions).toBe(0);
    server.connected = true;
    tracker.resynced();
    await until(() => !tracker.unsaved, 'saved after reconnecting');
  });

  it('tells its listeners when the state flips, not on every keystroke', async () => {
    const { tracker, text } = setUp(true);
    const seen: boolean[] = [];
    tracker.onChange(() => seen.push(tracker.unsaved));
    text.insert(0, 'a');
    text.insert(1, 'b');
    text.insert(2, 'c');
    await until(() => !tracker.unsaved, 'saved');
    expect(seen).toEqual([true, false]);
  });

  it('tracks edits kept from an earlier page (another client id) until the server has every one of them', async () => {
    const earlier = new Y.Doc();
    earlier.getText('t').insert(0, 'Vor dem Absturz.');
    const kept = Y.encodeStateAsUpdate(earlier);
    const { client, server, tracker } = setUp(false);
    Y.applyUpdate(client, kept, 'kept');
    expect(tracker.unsaved).toBe(true);
    expect(tracker.pending).not.toBeNull();
    await until(() => server.questions >= 2, 'questions');
    // The server has none of the earlier page's items yet: still unsaved.
    expect(tracker.unsaved).toBe(true);
    server.deliver();
    await until(() => !tracker.unsaved, 'saved after delivery');
    expect(server.doc.getText('t').toJSON()).toBe('Vor dem Absturz.');
    expect(tracker.pending).toBeNull();
  });

  it('keeps a mix of kept and new edits unsaved while only the new ones are stored', async () => {
    const earlier = new Y.Doc();
    earlier.getText('t').insert(0, 'alt ');
    const { client, server, tracker } = setUp(false);
    Y.applyUpdate(client, Y.encodeStateAsUpdate(earlier), 'kept');
    // In a text of its own, so that the new edit does not build on the kept one.
    client.getText('u').insert(0, 'neu');
    // Only this page's own edit reaches the server.
    Y.applyUpdate(server.doc, Y.encodeStateAsUpdate(client, Y.encodeStateVector(earlier)));
    await until(() => server.questions >= 2, 'questions');
    expect(tracker.unsaved).toBe(true);
    server.deliver();
    await until(() => !tracker.unsaved, 'saved once the kept edit arrived too');
  });
});
