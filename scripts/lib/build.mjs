// Build helpers shared by scripts/start.mjs and scripts/test.mjs.
//
// "Stale" is decided by modification times only: the newest file under a package's inputs (src/, its
// tsconfig, index.html, vite.config.ts ...) against the newest file of its build output. That is cheap
// (a directory walk, no hashing) and errs towards building: tsc -b is incremental and does nothing
// harmful when run on an up-to-date tree.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { constants as osConstants } from 'node:os';
import { fileURLToPath } from 'node:url';

/** Repository root (this file lives in scripts/lib/). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', 'coverage']);
// Tests are not part of any build output: editing one must not trigger a build.
const TEST_FILE = /\.(spec|e2e-spec|medium-spec|test)\.[cm]?[jt]sx?$/;

/** Short progress line on stderr, so stdout stays the server's or jest's own. */
export function log(message) {
  process.stderr.write(`[kapitel] ${message}\n`);
}

/**
 * Newest mtime (ms) among the given files and directory trees; 0 when none exists.
 * Directories count too, so deleting or renaming a source file also makes the package stale.
 */
export function newestMtime(paths, { skipDirs = SKIP_DIRS, skipFile = (name) => TEST_FILE.test(name) } = {}) {
  let newest = 0;
  const visit = (path) => {
    let st;
    try {
      st = statSync(path);
    } catch {
      return; // absent inputs are simply not counted
    }
    if (st.mtimeMs > newest) {
      newest = st.mtimeMs;
    }
    if (!st.isDirectory()) {
      return;
    }
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.isDirectory() ? skipDirs.has(entry.name) : skipFile(entry.name)) {
        continue;
      }
      visit(join(path, entry.name));
    }
  };
  for (const p of paths) {
    visit(p);
  }
  return newest;
}

const PENDING_IN_BUILD_INFO =
  /"(errors|semanticDiagnosticsPerFile|emitDiagnosticsPerFile|affectedFilesPendingEmit|changeFileSet|pendingEmit|checkPending)"\s*:/;

const NO_SKIP = { skipDirs: new Set(), skipFile: () => false };

function isNonEmptyDir(path) {
  try {
    return statSync(path).isDirectory() && readdirSync(path).length > 0;
  } catch {
    return false;
  }
}

function readJson(path) {
  // tsconfig files may carry comments and trailing commas.
  const text = readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/,(\s*[}\]])/g, '$1');
  return JSON.parse(text);
}

/** Package folders (relative to ROOT) referenced by the root tsconfig.json, in build order. */
export function tsProjects() {
  const config = readJson(join(ROOT, 'tsconfig.json'));
  return (config.references ?? []).map((ref) => relative(ROOT, resolve(ROOT, ref.path)));
}

/**
 * Why a TypeScript package needs building, or null when its dist/ is newer than its inputs.
 * A missing dist/ also drops the package's *.tsbuildinfo: with it, `tsc -b` believes the package is
 * up to date and would not re-emit the deleted output.
 */
export function tsStaleReason(pkgDir) {
  const abs = join(ROOT, pkgDir);
  const dist = join(abs, 'dist');
  const buildInfos = readdirSync(abs)
    .filter((f) => f.endsWith('.tsbuildinfo'))
    .map((f) => join(abs, f));
  if (!isNonEmptyDir(dist)) {
    for (const f of buildInfos) {
      rmSync(f, { force: true });
    }
    return 'no build output';
  }
  // tsc -b emits even when type checking fails, so a fresh dist/ can still come from a failed build.
  // The build info then records the unresolved diagnostics or pending work.
  if (buildInfos.some((f) => PENDING_IN_BUILD_INFO.test(readFileSync(f, 'utf8')))) {
    return 'last build had errors';
  }
  const inputs = [
    join(abs, 'src'),
    join(abs, 'tsconfig.json'),
    join(abs, 'package.json'),
    join(ROOT, 'tsconfig.base.json'),
  ];
  const newestIn = newestMtime(inputs);
  const newestOut = Math.max(newestMtime([dist], NO_SKIP), newestMtime(buildInfos));
  return newestIn > newestOut ? 'sources changed' : null;
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
  if (code !== null) {
    return code;
  }
  return 128 + (osConstants.signals[signal] ?? 0);
}

async function runOrExit(what, command, args, options = {}) {
  const started = Date.now();
  const code = await run(command, args, options);
  if (code !== 0) {
    log(`${what} failed (exit code ${code})`);
    process.exit(code);
  }
  log(`${what} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Path of a package's bin script inside the root node_modules. */
function binOf(pkg, bin) {
  const pkgJsonPath = join(ROOT, 'node_modules', pkg, 'package.json');
  if (!existsSync(pkgJsonPath)) {
    log(`node_modules/${pkg} is missing: run \`npm ci\` first`);
    process.exit(1);
  }
  const pkgJson = JSON.parse(readFileSync(pkgJsonPath, 'utf8'));
  const rel = typeof pkgJson.bin === 'string' ? pkgJson.bin : pkgJson.bin[bin];
  return join(ROOT, 'node_modules', pkg, rel);
}

/**
 * Runs `tsc -b` over the given packages (default: every reference of the root tsconfig.json) when one
 * of them is stale. Exits the process when the compiler fails.
 */
export async function ensureTsBuilt(pkgDirs = tsProjects()) {
  const stale = pkgDirs.map((dir) => [dir, tsStaleReason(dir)]).filter(([, reason]) => reason);
  if (stale.length === 0) {
    log(`TypeScript build up to date (${pkgDirs.join(', ')})`);
    return;
  }
  log(`building TypeScript: ${stale.map(([dir, reason]) => `${dir} (${reason})`).join(', ')}`);
  const all = pkgDirs.join() === tsProjects().join();
  const startedAt = new Date();
  await runOrExit('tsc -b', process.execPath, [binOf('typescript', 'tsc'), '-b', ...(all ? [] : pkgDirs)]);
  // tsc -b leaves dist/ untouched when a change does not affect the output (a test file added, a
  // directory touched). Stamp dist/ with the build's start time so the package is not seen as stale
  // forever; an edit made during the build is newer than that and still counts next time.
  for (const [dir] of stale) {
    const dist = join(ROOT, dir, 'dist');
    try {
      if (statSync(dist).mtimeMs < startedAt.getTime()) {
        utimesSync(dist, startedAt, startedAt);
      }
    } catch {
      // no dist/ (a package without emit): nothing to stamp
    }
  }
}

const WEB_DIR = 'apps/web';

/** Workspace folders of the @kapitel/* libraries whose sources the web build reads (domain, editor at least). */
export function webLibDeps() {
  const dirs = new Set(['libs/domain', 'libs/editor']);
  const webPkg = JSON.parse(readFileSync(join(ROOT, WEB_DIR, 'package.json'), 'utf8'));
  const wanted = new Set(
    Object.keys({ ...webPkg.dependencies, ...webPkg.devDependencies }).filter((n) =>
      n.startsWith('@kapitel/'),
    ),
  );
  if (wanted.size > 0) {
    for (const dir of tsProjects()) {
      const pkgPath = join(ROOT, dir, 'package.json');
      if (existsSync(pkgPath) && wanted.has(JSON.parse(readFileSync(pkgPath, 'utf8')).name)) {
        dirs.add(dir);
      }
    }
  }
  return [...dirs].filter((dir) => existsSync(join(ROOT, dir, 'tsconfig.json')));
}

/** Why apps/web needs building, or null when apps/web/dist is newer than its inputs. */
export function webStaleReason() {
  const abs = join(ROOT, WEB_DIR);
  const dist = join(abs, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    return 'no build output';
  }
  const inputs = [
    join(abs, 'src'),
    join(abs, 'public'),
    join(abs, 'index.html'),
    join(abs, 'vite.config.ts'),
    join(abs, 'tsconfig.json'),
    join(abs, 'package.json'),
    ...webLibDeps().map((dir) => join(ROOT, dir, 'src')),
  ];
  return newestMtime(inputs) > newestMtime([dist], NO_SKIP) ? 'sources changed' : null;
}

/**
 * Builds apps/web (vite, into apps/web/dist) when missing or stale. Vite reads the libraries it
 * imports from their TypeScript sources (aliases in vite.config.ts), so they need no build first.
 */
export async function ensureWebBuilt() {
  const abs = join(ROOT, WEB_DIR);
  if (!existsSync(join(abs, 'index.html'))) {
    log(`${WEB_DIR}/index.html does not exist yet: skipping the web build`);
    return;
  }
  const reason = webStaleReason();
  if (!reason) {
    log('web app build up to date');
    return;
  }
  log(`building the web app (${reason})`);
  const webPkg = JSON.parse(readFileSync(join(abs, 'package.json'), 'utf8'));
  if (webPkg.scripts?.build) {
    await runOrExit('web build', process.platform === 'win32' ? 'npm.cmd' : 'npm', [
      'run',
      'build',
      '-w',
      WEB_DIR,
    ]);
  } else {
    // No build script yet: plain vite build is what it would be.
    await runOrExit('web build', process.execPath, [binOf('vite', 'vite'), 'build'], { cwd: abs });
  }
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
