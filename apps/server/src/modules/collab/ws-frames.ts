import { Socket } from 'node:net';
import { WebSocket } from 'ws';

/**
 * A binary WebSocket message as the server sends it (RFC 6455, section 5.2): final
 * fragment, opcode 2, unmasked, the length in 7, 7+16 or 7+64 bits, then the payload.
 */
export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const header = length < 126 ? 2 : length < 0x10000 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = 0x82;
  if (header === 2) {
    frame[1] = length;
  } else if (header === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(payload, header);
  return frame;
}

/**
 * Sends binary messages to `ws` sockets, framing each payload once however many sockets
 * it goes to. A room sends the same update or presence frame to every connection in turn,
 * and `ws` frames it anew for each: a header buffer, a corked two-chunk write and its
 * bookkeeping objects. At 50 people typing that was half of what the server allocated,
 * and so half of its young-generation collections, each a pause for every keystroke in
 * flight. One cached frame written whole costs one write per socket.
 *
 * Frames are written to the socket under `ws`, as its own sender does when messages are
 * not compressed (our server does not negotiate compression), so their order with the
 * pings, pongs and close frames `ws` writes is the order of the calls. Payloads must not
 * change once sent, which `ws` already requires of a buffer sent to several sockets.
 */
export class FrameSender {
  private lastPayload: Uint8Array | null = null;
  private lastFrame: Buffer = Buffer.alloc(0);

  send(ws: WebSocket, payload: Uint8Array): void {
    if (ws.readyState !== WebSocket.OPEN) {
      return;
    }
    if (payload !== this.lastPayload) {
      this.lastFrame = binaryFrame(payload);
      this.lastPayload = payload;
    }
    socketOf(ws).write(this.lastFrame);
  }
}

/** The TCP socket under an open `ws` WebSocket; a `ws` without one fails loudly here. */
function socketOf(ws: WebSocket): Socket {
  const socket = (ws as unknown as { _socket?: unknown })._socket;
  if (!(socket instanceof Socket)) {
    throw new Error('ws keeps its socket elsewhere than in _socket; FrameSender needs updating');
  }
  return socket;
}
