// Build helpers shared by scripts/start.mjs and scripts/test.mjs.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file lives in scripts/lib/). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const WEB_DIR = join(ROOT, 'apps', 'web');
// What the web build reads: its own sources and config, and the libraries' sources (Vite aliases).
const WEB_INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package.json']
  .map((path) => join(WEB_DIR, path))
  .concat(['libs/domain/src', 'libs/editor/src'].map((path) => join(ROOT, path)));
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git']);
// Tests are not part of any build output: editing one must not trigger a build.
const TEST_FILE = /\.(spec|e2e-spec)\.[cm]?[jt]sx?$/;

/** Short progress line on stderr, so stdout stays the server's or jest's own. */
export function log(message) {
  process.stderr.write(`[kapitel] ${message}\n`);
}

/**
 * Newest mtime (ms) among the given files and folder trees; 0 when none exists. Folders count
 * too, so that deleting or renaming a source file also makes the build stale.
 */
function newestMtime(paths, skipTests = true) {
  let newest = 0;
  const visit = (path) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return; // absent inputs are not counted
    }
    newest = Math.max(newest, stat.mtimeMs);
    if (!stat.isDirectory()) {
      return;
    }
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const skip = entry.isDirectory() ? SKIP_DIRS.has(entry.name) : skipTests && TEST_FILE.test(entry.name);
      if (!skip) {
        visit(join(path, entry.name));
      }
    }
  };
  paths.forEach(visit);
  return newest;
}

/** Runs a command with inherited stdio; resolves with its exit code (128+n when killed by signal n). */
export function run(command, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolvePromise(exitCodeOf(code, signal)));
  });
}

/** Shell-style exit code of a finished child process. */
export function exitCodeOf(code, signal) {
  return code !== null ? code : 128 + (osConstants.signals[signal] ?? 0);
}

async function runOrExit(what, command, args) {
  const started = Date.now();
  const code = await run(command, args);
  if (code !== 0) {
    log(`${what} failed (exit code ${code})`);
    process.exit(code);
  }
  log(`${what} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * `tsc -b` over the root tsconfig's references (libs, server). It is incremental (its build
 * info lives in each dist/, so a deleted dist/ is rebuilt) and takes well under a second
 * when nothing changed, so no staleness check of our own is needed.
 */
export async function ensureTsBuilt() {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!existsSync(tsc)) {
    log('node_modules is missing: run `npm ci` first');
    process.exit(1);
  }
  await runOrExit('tsc -b', process.execPath, [tsc, '-b']);
}

/** Builds apps/web (Vite, into apps/web/dist) when the output is missing or older than its inputs. */
export async function ensureWebBuilt() {
  const dist = join(WEB_DIR, 'dist');
  const missing = !existsSync(join(dist, 'index.html'));
  if (!missing && newestMtime(WEB_INPUTS) <= newestMtime([dist], false)) {
    log('web app build up to date');
    return;
  }
  log(`building the web app (${missing ? 'no build output' : 'sources changed'})`);
  await runOrExit('web build', 'npm', ['run', 'build', '-w', 'apps/web']);
}

/**
 * Forwards SIGINT/SIGTERM/SIGHUP received by this process to `children`, once per burst: a Ctrl-C
 * reaches this process twice (from the terminal and from npm), and a second signal can cut a graceful
 * shutdown short. A repeat more than a second later is forwarded again, as the user insisting.
 * Returns `{ send(signal), signalled }` to stop the children from elsewhere in the same way.
 */
export function forwardSignals(children) {
  const lastSent = new Map();
  const forwarder = {
    signalled: false,
    send(signal) {
      const now = Date.now();
      if (now - (lastSent.get(signal) ?? 0) < 1000) {
        return;
      }
      lastSent.set(signal, now);
      forwarder.signalled = true;
      for (const child of children) {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill(signal);
        }
      }
    },
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => forwarder.send(signal));
  }
  return forwarder;
}
