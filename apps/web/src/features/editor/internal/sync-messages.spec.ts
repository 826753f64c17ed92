import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { encodeSyncStep1, readSyncStep2 } from './sync-messages';

/** A sync step 2 message as y-protocols writes it: outer type 0, inner type 1, length, update. */
function syncStep2Message(update: Uint8Array): Uint8Array {
  const length: number[] = [];
  let rest = update.length;
  while (rest > 0x7f) {
    length.push(0x80 | (rest & 0x7f));
    rest = Math.floor(rest / 128);
  }
  length.push(rest);
  return Uint8Array.from([0, 1, ...length, ...update]);
}

describe('sync messages', () => {
  it('writes a sync step 1 that carries the state vector unchanged', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'x'.repeat(300));
    const stateVector = Y.encodeStateVector(doc);
    const message = encodeSyncStep1(stateVector);
    expect([...message.subarray(0, 2)]).toEqual([0, 0]);
    expect(message[2]).toBe(stateVector.length);
    expect(Y.decodeStateVector(message.subarray(3))).toEqual(Y.decodeStateVector(stateVector));
  });

  it('reads the update of a sync step 2, also one longer than 127 bytes', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'Kommunale Berichte '.repeat(20));
    const update = Y.encodeStateAsUpdate(doc);
    expect(update.length).toBeGreaterThan(127);
    const read = readSyncStep2(syncStep2Message(update), 1);
    expect(read).not.toBeNull();
    expect([...(read ?? [])]).toEqual([...update]);
  });

  it('ignores a sync step 1, an update message and a truncated step 2', () => {
    expect(readSyncStep2(Uint8Array.from([0, 0, 1, 0]), 1)).toBeNull();
    expect(readSyncStep2(Uint8Array.from([0, 2, 1, 0]), 1)).toBeNull();
    expect(readSyncStep2(Uint8Array.from([0, 1, 5, 1, 2]), 1)).toBeNull();
    expect(readSyncStep2(Uint8Array.from([0, 1, 0x80]), 1)).toBeNull();
  });
});
