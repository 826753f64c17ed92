// A tiny request/response protocol over Node's IPC channel, between the bench and its workers.
import { fork } from 'node:child_process';

/**
 * @typedef {object} Worker
 * @property {import('node:child_process').ChildProcess} child
 * @property {(method: string, params?: unknown, timeoutMs?: number) => Promise<any>} call
 * @property {() => Promise<void>} stop
 */

/**
 * Starts `path` as a worker process. Its own process group (detached) keeps a Ctrl-C in the
 * terminal from reaching it directly: the bench stops it, after collecting what it needs.
 * @param {string} path
 * @param {string} name for error messages
 * @returns {Worker}
 */
export function startWorker(path, name) {
  const child = fork(path, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], detached: true });
  let nextId = 1;
  /** @type {Map<number, {resolve: (value: unknown) => void, reject: (error: Error) => void}>} */
  const waiting = new Map();
  child.on('message', (message) => {
    const entry = waiting.get(message.id);
    if (!entry) {
      return;
    }
    waiting.delete(message.id);
    if (message.error) {
      entry.reject(new Error(`${name}: ${message.error}`));
    } else {
      entry.resolve(message.result);
    }
  });
  child.once('exit', (code, signal) => {
    for (const entry of waiting.values()) {
      entry.reject(new Error(`${name} exited (${signal ?? `code ${code}`})`));
    }
    waiting.clear();
  });
  return {
    child,
    call(method, params = {}, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`${name}: ${method} took longer than ${timeoutMs} ms`));
        }, timeoutMs);
        const settle = (fn) => (value) => {
          clearTimeout(timer);
          fn(value);
        };
        waiting.set(id, { resolve: settle(resolve), reject: settle(reject) });
        child.send({ id, method, params });
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) {
        return;
      }
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Serves `handlers` in a worker: each request is answered with the handler's result or error.
 * The worker exits when the bench goes away (the IPC channel closes).
 * @param {Record<string, (params: any) => unknown>} handlers
 */
export function serve(handlers) {
  process.on('message', async (message) => {
    const handler = handlers[message.method];
    try {
      if (!handler) {
        throw new Error(`unknown method ${message.method}`);
      }
      const result = await handler(message.params);
      process.send?.({ id: message.id, result });
    } catch (error) {
      process.send?.({ id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
}
