// Everything the bench starts is registered here and undone on exit, error, Ctrl-C or when
// npm (our parent) goes away: child processes stopped, database dropped, temp folders removed.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** @type {Array<{ name: string, undo: () => Promise<void> | void }>} */
const undoStack = [];
let cleaning = null;

/**
 * Registers an undo step (run last-in first-out); returns a function that runs it early.
 * @param {string} name @param {() => Promise<void> | void} undo
 */
export function onCleanup(name, undo) {
  const entry = { name, undo };
  undoStack.push(entry);
  return async () => {
    const index = undoStack.indexOf(entry);
    if (index >= 0) {
      undoStack.splice(index, 1);
      await entry.undo();
    }
  };
}

/** Runs every registered undo step once; later calls wait for the same run. */
export function cleanup() {
  cleaning ??= (async () => {
    while (undoStack.length > 0) {
      const entry = undoStack.pop();
      try {
        await entry.undo();
      } catch (error) {
        process.stderr.write(`[bench] cleanup of ${entry.name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
  })();
  return cleaning;
}

/**
 * Installs the signal handlers: a signal cleans up and exits. A Ctrl-C reaches us twice (from
 * the terminal and from npm), so a repeat within a second is ignored; a later one forces exit.
 */
export function cleanupOnSignals() {
  let signalledAt = 0;
  const handler = (signal) => {
    const now = Date.now();
    if (signalledAt && now - signalledAt > 1000) {
      process.stderr.write('[bench] forced exit\n');
      process.exit(130);
    }
    if (signalledAt) {
      return;
    }
    signalledAt = now;
    process.stderr.write(`[bench] ${signal}: stopping and cleaning up\n`);
    void cleanup().then(() => process.exit(130));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, handler);
  }
  if (process.env.npm_lifecycle_event) {
    // `kill <npm pid>` does not reach us through `sh -c`: notice that our parent is gone.
    const parent = process.ppid;
    setInterval(() => process.ppid !== parent && handler('parent gone'), 1000).unref();
  }
}

/** A TCP port that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Servers still running; should the bench die without cleaning up, they get a SIGTERM. */
const running = new Set();
process.once('exit', () => running.forEach((child) => child.kill('SIGTERM')));

/** @param {number} pid whether any process of the group `pid` leads is alive */
function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts a server process in its own process group (output prefixed on stderr) and registers
 * its stop. Stopping sends SIGTERM; a server that has not exited after `graceMs` (its event
 * loop may be busy for minutes) is killed, and what it started (an embedded PostgreSQL, in
 * the same group) gets SIGINT, PostgreSQL's fast shutdown, and SIGKILL if that does not do.
 * @param {string} name @param {string[]} args node arguments @param {Record<string, string>} env
 * @returns {{ child: import('node:child_process').ChildProcess, stop: () => Promise<void> }}
 */
export function startServerProcess(name, args, env, graceMs = 8000) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const pid = /** @type {number} */ (child.pid);
  const prefix = (chunk) => {
    const lines = String(chunk).split('\n').filter((line) => line && !/^(Debugger listening on|For help, see)/.test(line));
    process.stderr.write(lines.map((line) => `[${name}] ${line}\n`).join(''));
  };
  child.stdout.on('data', prefix);
  child.stderr.on('data', prefix);
  const exited = new Promise((resolve) => child.once('exit', () => resolve(undefined)));
  const within = (promise, ms) => Promise.race([promise.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), ms))]);
  const stopNow = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await within(exited, graceMs))) {
        process.stderr.write(`[bench] ${name} did not stop within ${graceMs} ms: killing it\n`);
        child.kill('SIGKILL');
        await exited;
      }
    }
    if (groupAlive(pid)) {
      process.kill(-pid, 'SIGINT');
      const deadline = Date.now() + 10_000;
      while (groupAlive(pid) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      if (groupAlive(pid)) {
        process.kill(-pid, 'SIGKILL');
      }
    }
  };
  const stop = onCleanup(name, stopNow);
  running.add(child);
  child.once('exit', () => running.delete(child));
  return { child, stop };
}

/**
 * Waits until `url` answers (any HTTP status) or the process exits.
 * @param {string} url @param {{ exitCode: number | null, signalCode: string | null }} child
 */
export async function waitForHttp(url, child, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited while starting (${child.signalCode ?? `code ${child.exitCode}`})`);
    }
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
