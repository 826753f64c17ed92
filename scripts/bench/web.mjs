// The web app's bundle (issue 5): what a browser loads before the first page can render.
// Initial JavaScript = the entry script(s) and modulepreload links of index.html plus every
// chunk they import statically (not the lazy chunks behind dynamic import()), gzipped with
// node:zlib at level 9 as a web server would send them.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init as lexerReady, parse as parseImports } from 'es-module-lexer';
import { onCleanup } from './cleanup.mjs';

/** Target of issue 5: initial JavaScript, gzip. kB = 1000 bytes, as Vite prints sizes. */
export const INITIAL_JS_TARGET_KB = 350;

// What the web build reads (as scripts/lib/build.mjs): its sources and config, and the
// libraries' sources (Vite aliases). Tests are not part of the build.
const INPUTS = ['apps/web/src', 'apps/web/public', 'apps/web/index.html', 'apps/web/vite.config.ts', 'apps/web/tsconfig.json', 'apps/web/package.json', 'libs/domain/src', 'libs/editor/src'];
const TEST_FILE = /\.(spec|e2e-spec)\.[cm]?[jt]sx?$/;
const FONT = /\.(woff2?|ttf|otf)$/i;
const LOCKED = /Found another Vite build process/;

/** Newest mtime (ms) of the given files and folder trees. */
function newestInput(root) {
  let newest = 0;
  const visit = (path) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return;
    }
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path, { withFileTypes: true })) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist' && !(entry.isFile() && TEST_FILE.test(entry.name))) {
          visit(join(path, entry.name));
        }
      }
    }
  };
  INPUTS.forEach((path) => visit(join(root, path)));
  return newest;
}

/** Runs a command, collecting its output; resolves with exit code and output. */
function capture(command, args, cwd) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => resolvePromise({ code, output }));
  });
}

/**
 * A build to measure: apps/web/dist when it is newer than every source, otherwise
 * `npm run build -w apps/web` into a temporary folder (so that the bench never empties
 * apps/web/dist under a server or a build of somebody else). Vite allows one build per
 * project at a time: while another one runs, this waits and tries again.
 * @param {{ root: string, force: boolean, log: (message: string) => void }} options
 * @returns {Promise<{ dir: string, built: boolean, buildSeconds: number | null, reason: string }>}
 */
async function buildToMeasure({ root, force, log }) {
  const dist = join(root, 'apps/web/dist');
  const index = join(dist, 'index.html');
  const fresh = () => existsSync(index) && statSync(index).mtimeMs >= newestInput(root);
  if (!force && fresh()) {
    return { dir: dist, built: false, buildSeconds: null, reason: 'apps/web/dist is newer than the sources' };
  }
  const out = mkdtempSync(join(tmpdir(), 'kapitel-bench-web-'));
  onCleanup('web build folder', () => rmSync(out, { recursive: true, force: true }));
  const deadline = Date.now() + 180_000;
  for (;;) {
    log(`building the web app into ${out}`);
    const started = performance.now();
    const { code, output } = await capture('npm', ['run', 'build', '-w', 'apps/web', '--', '--outDir', out, '--emptyOutDir'], root);
    if (code === 0) {
      return { dir: out, built: true, buildSeconds: (performance.now() - started) / 1000, reason: force ? '--web-build' : 'apps/web/dist missing or older than the sources' };
    }
    if (!LOCKED.test(output) || Date.now() > deadline) {
      throw new Error(`the web build failed (exit code ${code}):\n${output.trim().split('\n').slice(-15).join('\n')}`);
    }
    log('another Vite build of apps/web is running: waiting for it');
    await new Promise((resolveSleep) => setTimeout(resolveSleep, 5000));
    if (!force && fresh()) {
      return { dir: dist, built: false, buildSeconds: null, reason: 'apps/web/dist, just built by another process' };
    }
  }
}

/** `src`/`href` of the tags in index.html that load at once. */
function entriesOf(html) {
  const attr = (tag, name) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];
  const tags = html.match(/<(script|link)\b[^>]*>/gi) ?? [];
  const scripts = [];
  const styles = [];
  for (const tag of tags) {
    const rel = attr(tag, 'rel')?.toLowerCase();
    if (/^<script/i.test(tag) && attr(tag, 'type') === 'module' && attr(tag, 'src')) {
      scripts.push(attr(tag, 'src'));
    } else if (rel === 'modulepreload' && attr(tag, 'href')) {
      scripts.push(attr(tag, 'href'));
    } else if (rel === 'stylesheet' && attr(tag, 'href')) {
      styles.push(attr(tag, 'href'));
    }
  }
  return { scripts, styles };
}

/** A URL path of index.html (base '/') as a file in the build folder. */
const fileOf = (dir, url) => join(dir, url.replace(/^\//, '').replace(/[?#].*$/, ''));

/**
 * The initial JavaScript: the entries and, transitively, what they import statically.
 * @param {string} dir @param {string[]} entries absolute paths
 */
function staticClosure(dir, entries) {
  const seen = new Set();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.shift());
    if (seen.has(file) || !existsSync(file)) {
      continue;
    }
    seen.add(file);
    const [imports] = parseImports(readFileSync(file, 'utf8'));
    for (const entry of imports) {
      // d === -1: a static import or re-export; dynamic import() and import.meta are not.
      if (entry.d === -1 && entry.n && /^\.{0,2}\//.test(entry.n)) {
        queue.push(entry.n.startsWith('/') ? fileOf(dir, entry.n) : resolve(dirname(file), entry.n));
      }
    }
  }
  return seen;
}

/** Raw and gzip (level 9) size of some files, in bytes. */
function sizes(dir, files) {
  let raw = 0;
  let gzip = 0;
  const list = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    const zipped = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzip += zipped;
    list.push({ file: relative(dir, file), raw: bytes.length, gzip: zipped });
  }
  return { files: list.length, raw, gzip, list: list.sort((a, b) => b.gzip - a.gzip) };
}

/** Every file below `dir`. */
function allFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/**
 * Builds (or reuses) the web app and measures the bundle.
 * @param {{ root: string, force: boolean, log: (message: string) => void }} options
 */
export async function webBundle(options) {
  const build = await buildToMeasure(options);
  await lexerReady;
  const html = readFileSync(join(build.dir, 'index.html'), 'utf8');
  const entries = entriesOf(html);
  const initial = staticClosure(build.dir, entries.scripts.map((url) => fileOf(build.dir, url)));
  if (initial.size === 0) {
    throw new Error('index.html names no entry script');
  }
  const files = allFiles(build.dir);
  const initialCss = new Set(entries.styles.map((url) => fileOf(build.dir, url)));
  const lazyJs = files.filter((file) => extname(file) === '.js' && !initial.has(file));
  const editor = lazyJs.filter((file) => /editor/i.test(basename(file)));
  const initialJs = sizes(build.dir, [...initial]);
  return {
    dir: build.dir === join(options.root, 'apps/web/dist') ? 'apps/web/dist' : build.dir,
    built: build.built,
    buildSeconds: build.buildSeconds,
    reason: build.reason,
    entries: entries.scripts,
    initialJs,
    initialCss: sizes(build.dir, [...initialCss]),
    editorJs: sizes(build.dir, editor),
    otherLazyJs: sizes(build.dir, lazyJs.filter((file) => !editor.includes(file))),
    lazyCss: sizes(build.dir, files.filter((file) => extname(file) === '.css' && !initialCss.has(file))),
    fonts: sizes(build.dir, files.filter((file) => FONT.test(file))),
    // The subset a German or English page actually loads (unicode-range: basic Latin).
    latinFonts: sizes(build.dir, files.filter((file) => FONT.test(file) && /latin(?!-ext)/.test(basename(file)))),
    targetKb: INITIAL_JS_TARGET_KB,
    met: initialJs.gzip <= INITIAL_JS_TARGET_KB * 1000,
  };
}
