// The JS heap of a server after a full garbage collection, through the V8 inspector
// (`node --inspect=127.0.0.1:<port>`): steadier than RSS for memory per room and connection.
import { WebSocket } from 'ws';

/**
 * Collects garbage in the process listening on `port`, then returns its used heap in bytes.
 * @param {number} port
 */
export async function heapAfterGc(port) {
  const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
  const ws = new WebSocket(targets[0].webSocketDebuggerUrl, { perMessageDeflate: false });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let nextId = 1;
  /** @param {string} method */
  const call = (method) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const onMessage = (data) => {
        const message = JSON.parse(String(data));
        if (message.id === id) {
          ws.off('message', onMessage);
          if (message.error) {
            reject(new Error(`${method}: ${message.error.message}`));
          } else {
            resolve(message.result);
          }
        }
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ id, method }));
    });
  try {
    await call('HeapProfiler.collectGarbage');
    await call('HeapProfiler.collectGarbage');
    const usage = /** @type {{ usedSize: number }} */ (await call('Runtime.getHeapUsage'));
    return usage.usedSize;
  } finally {
    ws.close();
  }
}
