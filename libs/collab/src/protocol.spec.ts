import * as Y from 'yjs';
import {
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  parseClientMessage,
  ProtocolError,
} from './protocol.js';

describe('parseClientMessage()', () => {
  it('reads each message kind the y-websocket client sends', () => {
    const update = Y.encodeStateAsUpdate(new Y.Doc());
    const stateVector = Y.encodeStateVector(new Y.Doc());
    expect(parseClientMessage(encodeSyncStep1(stateVector))).toEqual({ kind: 'sync-step-1', stateVector });
    expect(parseClientMessage(encodeSyncStep2(update))).toEqual({ kind: 'sync-step-2', update });
    expect(parseClientMessage(encodeUpdate(update))).toEqual({ kind: 'update', update });
    expect(parseClientMessage(encodeAwarenessMessage(new Uint8Array([0])))).toEqual({
      kind: 'awareness',
      update: new Uint8Array([0]),
    });
    expect(parseClientMessage(new Uint8Array([3]))).toEqual({ kind: 'query-awareness' });
  });

  it.each([
    ['an empty frame', []],
    ['an unknown message type', [9]],
    ['an auth message from a client', [2, 0]],
    ['an unknown sync type', [0, 7, 0]],
    ['a length prefix beyond the frame', [0, 2, 0xff, 0xff, 0xff, 0x7f, 1]],
    ['a truncated payload', [0, 2, 10, 1, 2]],
    ['trailing bytes', [3, 1]],
  ])('refuses %s', (_name, bytes) => {
    expect(() => parseClientMessage(new Uint8Array(bytes))).toThrow(ProtocolError);
  });
});
