// The two servers under test, behind one interface: Kapitel (child process, real database,
// real accounts) and the bare in-memory relay @y/websocket-server 0.1.1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort, onCleanup, startServerProcess, waitForHttp } from './cleanup.mjs';
import { createBenchDatabase } from './database.mjs';
import { mapLimit } from './wire.mjs';

/**
 * @typedef {object} Target
 * @property {'kapitel' | 'bare'} name
 * @property {number} pid the server's Node process (changes on restart)
 * @property {number} inspectorPort where its V8 inspector listens (changes on restart)
 * @property {string | null} databaseName for finding its PostgreSQL backends
 * @property {boolean} persistent whether a room reloads from storage after it unloads
 * @property {number} unloadWaitMs how long an empty room takes to unload
 * @property {(count: number, label: string) => Promise<string[]>} newRooms
 * @property {(room: string, who: number | 'lead') => import('./wire.mjs').Endpoint} endpoint
 * @property {() => Promise<void>} restart a new process on the same storage (rooms and accounts stay)
 * @property {() => Promise<void>} stop
 * @property {LeadApi | null} api the lead's HTTP session (Kapitel only)
 */

/**
 * @typedef {object} LeadApi
 * @property {string} projectId the project the rooms are sections of
 * @property {(method: string, path: string, body?: unknown, expected?: number) => Promise<any>} request
 *   JSON request as the lead (session cookie, the server's Origin); throws on another status than `expected`
 * @property {(path: string) => Promise<Buffer>} download GET as the lead, the body as bytes
 */

const PASSWORD = 'ein langes Benchmark-Passwort';
const UNLOAD_AFTER_MS = 2000;

/** Node flags for a server: a CPU profile into bench-results/profiles/ when asked for. */
const nodeFlags = (root, profile) => (profile ? ['--cpu-prof', `--cpu-prof-dir=${join(root, 'bench-results', 'profiles')}`] : []);

/**
 * Runs `script` as a server on a fresh port whenever `launch` is called; stops the previous one.
 * @param {string} name @param {string[]} args @param {(port: number) => Record<string, string>} envOf
 * @param {(port: number) => string} readyUrl
 */
function serverLauncher(name, args, envOf, readyUrl) {
  /** @type {{ child: import('node:child_process').ChildProcess, stop: () => Promise<void> } | null} */
  let server = null;
  const state = {
    port: 0,
    pid: 0,
    inspectorPort: 0,
    async launch() {
      await server?.stop();
      state.port = await freePort();
      state.inspectorPort = await freePort();
      // The inspector is only used between scenarios, for the heap after a full GC.
      server = startServerProcess(name, [`--inspect=127.0.0.1:${state.inspectorPort}`, ...args], envOf(state.port));
      state.pid = /** @type {number} */ (server.child.pid);
      await waitForHttp(readyUrl(state.port), server.child);
    },
    stop: () => server?.stop() ?? Promise.resolve(),
  };
  return state;
}

/** A session-keeping JSON client for the Kapitel API, sending the server's own Origin. */
function session(originOf) {
  let cookie = '';
  return {
    get cookie() {
      return cookie;
    },
    /** @param {string} method @param {string} path @param {unknown} [body] @param {number} [expected] */
    async request(method, path, body, expected) {
      const origin = originOf();
      const headers = { origin, ...(cookie ? { cookie } : {}), ...(body ? { 'content-type': 'application/json' } : {}) };
      const res = await fetch(origin + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
      const setCookie = res.headers.get('set-cookie');
      if (setCookie?.startsWith('kapitel_session=')) {
        cookie = setCookie.split(';')[0];
      }
      const text = await res.text();
      if (expected !== undefined && res.status !== expected) {
        throw new Error(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
      }
      return text ? JSON.parse(text) : null;
    },
  };
}

/**
 * Starts Kapitel (`apps/server/dist/main.js`) on a fresh database, with a lead and `authors`
 * assigned authors in one project.
 * @param {{ root: string, databaseUrl: string | null, authors: number, profile?: boolean }} options
 * @returns {Promise<Target>}
 */
export async function startKapitel({ root, databaseUrl, authors, profile = false }) {
  let database = { url: '', name: /** @type {string | null} */ (null) };
  const dataDir = mkdtempSync(join(tmpdir(), 'kapitel-bench-'));
  onCleanup('temporary data folder', () => rmSync(dataDir, { recursive: true, force: true }));
  if (databaseUrl) {
    database = await createBenchDatabase(databaseUrl);
  }
  const env = (port) => ({
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    REDIS_URL: '',
    // Limits raised so that the load, not a limit, is measured.
    COLLAB_MESSAGES_PER_SECOND: '100000',
    COLLAB_MESSAGE_BURST: '1000000',
    COLLAB_MAX_FRAME_BYTES: String(64 * 1024 * 1024),
    COLLAB_UNLOAD_AFTER_MS: String(UNLOAD_AFTER_MS),
    ARGON2_MEMORY_KIB: '1024',
    LOGIN_RATE_LIMIT_PER_IP: '1000000',
    INVITATION_RATE_LIMIT_PER_HOUR: '100000',
  });
  const server = serverLauncher('kapitel', [...nodeFlags(root, profile), join(root, 'apps/server/dist/main.js')], env, (port) => `http://127.0.0.1:${port}/api/health`);
  await server.launch();
  const originOf = () => `http://127.0.0.1:${server.port}`;

  const lead = session(originOf);
  await lead.request('POST', '/api/auth/register', { email: 'lead@bench.example', password: PASSWORD, name: 'Lea Lead' }, 201);
  const { project } = await lead.request('POST', '/api/projects', { title: 'Benchmark' }, 201);
  const people = await mapLimit(Array.from({ length: authors }, (_, i) => i), 4, async (i) => {
    const person = session(originOf);
    const { user } = await person.request('POST', '/api/auth/register', { email: `author${i}@bench.example`, password: PASSWORD, name: `Autorin ${i}` }, 201);
    const { token } = await lead.request('POST', `/api/projects/${project.id}/invitations`, { email: user.email, role: 'author' }, 201);
    await person.request('POST', `/api/invitations/${token}/accept`, undefined, 200);
    return { user, person };
  });
  const assigneeIds = people.map(({ user }) => user.id).slice(0, 20);

  return {
    name: 'kapitel',
    get pid() {
      return server.pid;
    },
    get inspectorPort() {
      return server.inspectorPort;
    },
    databaseName: database.name,
    persistent: true,
    unloadWaitMs: UNLOAD_AFTER_MS + 1500,
    async newRooms(count, label) {
      return mapLimit(Array.from({ length: count }, (_, i) => i), 4, async (i) => {
        const { section } = await lead.request('POST', `/api/projects/${project.id}/sections`, { title: `${label} ${i + 1}`.slice(0, 300) }, 201);
        await lead.request('PATCH', `/api/projects/${project.id}/sections/${section.id}`, { assigneeIds }, 200);
        return section.id;
      });
    },
    endpoint(room, who) {
      const cookie = who === 'lead' || people.length === 0 ? lead.cookie : people[who % people.length].person.cookie;
      return { url: `ws://127.0.0.1:${server.port}/collab/${room}`, headers: { origin: originOf(), cookie } };
    },
    restart: () => server.launch(),
    stop: () => server.stop(),
    api: {
      projectId: project.id,
      request: (method, path, body, expected) => lead.request(method, path, body, expected),
      async download(path) {
        const res = await fetch(originOf() + path, { headers: { origin: originOf(), cookie: lead.cookie } });
        if (res.status !== 200) {
          throw new Error(`GET ${path}: HTTP ${res.status}`);
        }
        return Buffer.from(await res.arrayBuffer());
      },
    },
  };
}

/**
 * Starts the reference relay's own server (`y-websocket` bin of @y/websocket-server).
 * @param {{ root: string, profile?: boolean }} options
 * @returns {Promise<Target>}
 */
export async function startBare({ root, profile = false }) {
  const script = join(root, 'node_modules/@y/websocket-server/src/server.js');
  // The relay's server dies on SIGTERM without exiting properly, so no profile would be written.
  const exitOnTerm = `process.on('SIGTERM', () => process.exit(0)); await import(${JSON.stringify(pathToFileURL(script).href)});`;
  const entry = profile ? ['--input-type=module', '--eval', exitOnTerm] : [script];
  const server = serverLauncher('bare', [...nodeFlags(root, profile), ...entry], (port) => ({ HOST: '127.0.0.1', PORT: String(port) }), (port) => `http://127.0.0.1:${port}/`);
  await server.launch();
  let counter = 0;
  return {
    name: 'bare',
    get pid() {
      return server.pid;
    },
    get inspectorPort() {
      return server.inspectorPort;
    },
    databaseName: null,
    persistent: false,
    unloadWaitMs: 0,
    async newRooms(count) {
      return Array.from({ length: count }, () => `bench-room-${++counter}`);
    },
    endpoint(room) {
      return { url: `ws://127.0.0.1:${server.port}/${room}`, headers: {} };
    },
    restart: () => server.launch(),
    stop: () => server.stop(),
    api: null,
  };
}
