import { decodeAwarenessUpdate, encodeAwarenessUpdate, RoomAwareness, type Identity } from './awareness.js';
import { ProtocolError } from './protocol.js';

const ANNA: Identity = { id: 'u-anna', name: 'Anna', color: '#1d4ed8' };
const BERT: Identity = { id: 'u-bert', name: 'Bert', color: '#b91c1c' };

describe('awareness wire format', () => {
  it('round-trips entries, including a client that left', () => {
    const entries = [
      { clientId: 7, clock: 3, state: { cursor: { anchor: 1 } } },
      { clientId: 9, clock: 1, state: null },
    ];
    expect(decodeAwarenessUpdate(encodeAwarenessUpdate(entries))).toEqual(entries);
  });

  it.each([
    ['a state that is not JSON', [1, 7, 1, 3, 0x7b, 0x7b, 0x7b]],
    ['a state that is a number', [1, 7, 1, 1, 0x35]],
    ['a truncated entry', [2, 7, 1]],
    ['trailing bytes', [0, 5]],
  ])('refuses %s', (_name, bytes) => {
    expect(() => decodeAwarenessUpdate(new Uint8Array(bytes))).toThrow(ProtocolError);
  });
});

describe('RoomAwareness', () => {
  it('stamps every state with the identity of the connection that sent it', () => {
    const room = new RoomAwareness();
    const anna = {};
    const accepted = room.fromConnection(anna, ANNA, [
      { clientId: 1, clock: 1, state: { user: { id: 'u-bert', name: 'Bert' }, cursor: 5 } },
    ]);
    expect(accepted).toEqual([{ clientId: 1, clock: 1, state: { user: ANNA, cursor: 5 } }]);
    expect(room.snapshot()).toEqual(accepted);
  });

  it('drops entries for a client id that another connection introduced', () => {
    const room = new RoomAwareness();
    const anna = {};
    const bert = {};
    room.fromConnection(anna, ANNA, [{ clientId: 1, clock: 1, state: { cursor: 1 } }]);
    expect(room.fromConnection(bert, BERT, [{ clientId: 1, clock: 2, state: { cursor: 99 } }])).toEqual([]);
    expect(room.snapshot()).toEqual([{ clientId: 1, clock: 1, state: { user: ANNA, cursor: 1 } }]);
  });

  it('lets a new connection of the same person take over a client id whose old connection is not yet known to be gone', () => {
    const room = new RoomAwareness();
    const dropped = {};
    const back = {};
    room.fromConnection(dropped, ANNA, [{ clientId: 1, clock: 4, state: { cursor: 1 } }]);
    expect(room.fromConnection(back, ANNA, [{ clientId: 1, clock: 6, state: { cursor: 2 } }])).toEqual([
      { clientId: 1, clock: 6, state: { user: ANNA, cursor: 2 } },
    ]);
    // The old connection's end no longer removes what the new one owns.
    expect(room.removeOwner(dropped)).toEqual([]);
    expect(room.snapshot()).toEqual([{ clientId: 1, clock: 6, state: { user: ANNA, cursor: 2 } }]);
  });

  it('keeps a client id with its connection when the same person’s second tab repeats its state', () => {
    const room = new RoomAwareness();
    const first = {};
    const second = {};
    room.fromConnection(first, ANNA, [{ clientId: 1, clock: 4, state: { cursor: 1 } }]);
    room.fromConnection(second, ANNA, [{ clientId: 2, clock: 1, state: { cursor: 9 } }]);
    // y-websocket sends back what it received: the second tab repeats the first tab's state.
    expect(room.fromConnection(second, ANNA, [{ clientId: 1, clock: 5, state: { cursor: 1 } }])).toEqual([]);
    expect(room.removeOwner(second)).toEqual([{ clientId: 2, clock: 2, state: null }]);
    expect(room.snapshot().map((entry) => entry.clientId)).toEqual([1]);
  });

  it('removes a connection’s clients when it leaves, announcing them as gone', () => {
    const room = new RoomAwareness();
    const anna = {};
    room.fromConnection(anna, ANNA, [{ clientId: 1, clock: 4, state: {} }]);
    expect(room.removeOwner(anna)).toEqual([{ clientId: 1, clock: 5, state: null }]);
    expect(room.snapshot()).toEqual([]);
  });

  it('keeps presence relayed from other processes apart from local connections', () => {
    const room = new RoomAwareness();
    const anna = {};
    room.fromConnection(anna, ANNA, [{ clientId: 1, clock: 1, state: {} }]);
    room.fromRelay([
      { clientId: 1, clock: 9, state: { user: BERT } },
      { clientId: 2, clock: 1, state: { user: BERT } },
    ]);
    expect(room.snapshot()).toEqual([
      { clientId: 1, clock: 1, state: { user: ANNA } },
      { clientId: 2, clock: 1, state: { user: BERT } },
    ]);
    room.fromRelay([{ clientId: 2, clock: 2, state: null }]);
    expect(room.snapshot().map((entry) => entry.clientId)).toEqual([1]);
  });
});
