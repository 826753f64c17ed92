#!/usr/bin/env node
// `npm start`: build whatever is missing or stale, then run the server in the foreground.
// `npm run dev` (--dev): the same, then keep `tsc -b --watch` running and restart the server on changes
// (node --watch). For the web app with hot reload, run vite's dev server separately.
//
// Signals: SIGINT/SIGTERM/SIGHUP are forwarded to the server, which shuts down gracefully (it stops an
// embedded PostgreSQL too); this script exits with the server's exit code.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureTsBuilt, ensureWebBuilt, exitCodeOf, forwardSignals, log } from './lib/build.mjs';

const args = process.argv.slice(2);
const dev = args.includes('--dev');
const serverArgs = args.filter((a) => a !== '--dev');
const MAIN = join('apps', 'server', 'dist', 'main.js');

await ensureTsBuilt();
await ensureWebBuilt();

if (!existsSync(join(ROOT, MAIN))) {
  log(`${MAIN} does not exist after the build: does apps/server/src/main.ts exist?`);
  process.exit(1);
}

// The children get their own process group (detached), so a Ctrl-C in the terminal reaches them once,
// through forwardSignals, rather than straight from the terminal and again from here.
const spawnOptions = { cwd: ROOT, stdio: 'inherit', detached: true };
const children = [];

if (dev) {
  const tscBin = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const watcher = spawn(process.execPath, [tscBin, '-b', '--watch', '--preserveWatchOutput'], spawnOptions);
  watcher.once('error', (err) => log(`tsc --watch could not start: ${err.message}`));
  children.push(watcher);
  log('dev mode: tsc -b --watch rebuilds on change, node --watch restarts the server');
}

log(`starting the server: node ${MAIN}`);
const nodeArgs = dev ? ['--watch', '--enable-source-maps', MAIN, ...serverArgs] : [MAIN, ...serverArgs];
const server = spawn(process.execPath, nodeArgs, spawnOptions);
children.push(server);
const forwarder = forwardSignals(children);

// `kill <npm pid>` makes npm pass SIGTERM to `sh -c`, which dies without passing it on: this script
// would be orphaned and the server would live on. When run by npm and our parent goes away, stop the
// server as if we had been sent SIGTERM.
if (process.env.npm_lifecycle_event) {
  const parent = process.ppid;
  const watchdog = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(watchdog);
      if (!forwarder.signalled) {
        log('npm went away: stopping the server');
        forwarder.send('SIGTERM');
      }
    }
  }, 500);
  watchdog.unref();
}

server.once('error', (err) => {
  log(`could not start the server: ${err.message}`);
  process.exit(1);
});
server.once('exit', (code, signal) => {
  for (const child of children) {
    if (child !== server && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
    }
  }
  const exitCode = exitCodeOf(code, signal);
  log(`server exited (${signal ?? `code ${code}`})`);
  process.exit(exitCode);
});
