import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { binaryFrame, FrameSender } from './ws-frames.js';

/** A payload of `length` bytes that differ, so a misplaced byte shows. */
function payloadOf(length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 7 + length) % 251);
}

/** A `ws` server on port 0 and `count` clients connected to it, each collecting its messages. */
async function socketPairs(count: number) {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
  await once(server, 'listening');
  const accepted: WebSocket[] = [];
  server.on('connection', (ws) => accepted.push(ws));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clients = await Promise.all(
    Array.from({ length: count }, async () => {
      const client = new WebSocket(url, { perMessageDeflate: false });
      const received: { data: Buffer; isBinary: boolean }[] = [];
      client.on('message', (data, isBinary) => received.push({ data: data as Buffer, isBinary }));
      await once(client, 'open');
      return { client, received };
    }),
  );
  while (accepted.length < count) {
    await once(server, 'connection');
  }
  const close = async () => {
    clients.forEach(({ client }) => client.terminate());
    await new Promise((resolve) => server.close(resolve));
  };
  return { server: accepted, clients, close };
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error('timed out waiting');
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('binaryFrame', () => {
  it.each([0, 1, 125, 126, 65535, 65536, 200_000])('frames %i bytes as a client reads them back', async (length) => {
    const { server, clients, close } = await socketPairs(1);
    try {
      const socket = (server[0] as unknown as { _socket: { write(b: Buffer): void } })._socket;
      socket.write(binaryFrame(payloadOf(length)));
      await until(() => clients[0].received.length === 1);
      expect(clients[0].received[0].isBinary).toBe(true);
      // Buffer.equals: jest's deep equality takes seconds over 200,000 elements.
      expect(clients[0].received[0].data.equals(payloadOf(length))).toBe(true);
    } finally {
      await close();
    }
  });

  it('uses the shortest length encoding RFC 6455 allows', () => {
    expect([...binaryFrame(payloadOf(125)).subarray(0, 2)]).toEqual([0x82, 125]);
    expect([...binaryFrame(payloadOf(126)).subarray(0, 4)]).toEqual([0x82, 126, 0, 126]);
    expect([...binaryFrame(payloadOf(65536)).subarray(0, 10)]).toEqual([0x82, 127, 0, 0, 0, 0, 0, 1, 0, 0]);
  });
});

describe('FrameSender', () => {
  it('delivers one payload to several sockets and the next payload after it', async () => {
    const { server, clients, close } = await socketPairs(3);
    try {
      const sender = new FrameSender();
      const first = payloadOf(300);
      const second = payloadOf(40);
      server.forEach((ws) => sender.send(ws, first));
      server.forEach((ws) => sender.send(ws, second));
      await until(() => clients.every(({ received }) => received.length === 2));
      for (const { received } of clients) {
        expect(received.map(({ data }) => new Uint8Array(data))).toEqual([first, second]);
      }
    } finally {
      await close();
    }
  });

  it('keeps its frames in order with what ws itself sends on the same socket', async () => {
    const { server, clients, close } = await socketPairs(1);
    try {
      const sender = new FrameSender();
      sender.send(server[0], payloadOf(10));
      server[0].send('between', { binary: false });
      sender.send(server[0], payloadOf(20));
      await until(() => clients[0].received.length === 3);
      expect(clients[0].received.map(({ data, isBinary }) => (isBinary ? data.length : data.toString()))).toEqual([10, 'between', 20]);
    } finally {
      await close();
    }
  });

  it('writes nothing after ws has written its close frame', async () => {
    const { server, clients, close } = await socketPairs(1);
    try {
      const sender = new FrameSender();
      const socket = (server[0] as unknown as { _socket: { bytesWritten: number } })._socket;
      const closed = once(clients[0].client, 'close');
      server[0].close(4000, 'bye');
      const written = socket.bytesWritten;
      sender.send(server[0], payloadOf(10));
      expect(socket.bytesWritten).toBe(written);
      const [code] = (await closed) as [number];
      expect(code).toBe(4000);
      expect(clients[0].received).toEqual([]);
    } finally {
      await close();
    }
  });
});
