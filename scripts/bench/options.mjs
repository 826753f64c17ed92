// Command-line flags (and BENCH_* environment variables) of `npm run bench`.

export const USAGE = `Usage: npm run bench -- [options]

  --only=collab,web,export  the parts to run (default: all three); kapitel or bare in the list
                        runs the collaboration part against that server only (--only=kapitel)
  --quick               short run: 10 and 20 editors, one round of 10 s per scenario, 2 cold loads, one
                        export per report size and a shorter latency window beside it

Collaboration (issue 4):
  --editors=50,100,200  simulated editors per scenario
  --rates=1.5,5         keys per second each editor types
  --duration=15         seconds measured per scenario and round
  --rounds=3            rounds per scenario, each against both servers (the order alternating);
                        latency is taken over the keystrokes of all rounds together
  --warmup=4            seconds of typing before measuring
  --server-warmup=15    seconds of typing (first scenario's size, not measured) on each server
                        before the first scenario; 0: none
  --probes=4            measuring clients (they type too; also used by the export part)
  --probe-rate=5        keys per second each measuring client types (at least the editors' rate)
  --idle-rooms=200      rooms with one idle connection each, open during the scenarios
  --extra-connections=200  idle connections added to one room for the memory figure
  --pages=300           size of the section for the cold-load measurement
  --cold-runs=3         cold loads timed (median reported)
  --authors=10          accounts the editors are spread over (Kapitel)
  --disk-probe=50       while measuring, flush one page to the disk every that many ms and time
                        it (what a commit waits for; shows disk stalls); 0: off
  --load-nice=10        nice value of the simulated editors' process (0: same priority as the servers)
  --no-awareness        editors send no cursor (awareness) update per key
  --profile             run the servers with --cpu-prof (profiles in bench-results/profiles/)
  --skip-memory --skip-cold

Web bundle (issue 5):
  --web-build           build the web app even when apps/web/dist is newer than its sources

Export (issue 7):
  --export-pages=100,300  sizes of the generated reports, in pages
  --export-runs=2       exports (and raw compiles) per report size; the median is reported
  --export-idle=10      seconds of the latency measurement without an export, per report size

  --help

Every option can also be set as BENCH_<NAME> (BENCH_QUICK=1, BENCH_EDITORS=10,20,
BENCH_ONLY=web,export, ...). Values may follow an option after a space (--only web).
DATABASE_URL: PostgreSQL server on which a fresh database kapitel_bench_<time> is made and
dropped; unset: the server's embedded PostgreSQL in a temporary folder.`;

const FULL = {
  quick: false,
  editors: [50, 100, 200],
  rates: [1.5, 5],
  duration: 15,
  rounds: 3,
  warmup: 4,
  serverWarmup: 15,
  probes: 4,
  probeRate: 5,
  idleRooms: 200,
  extraConnections: 200,
  pages: 300,
  coldRuns: 3,
  authors: 10,
  loadNice: 10,
  diskProbe: 50,
  only: 'collab,web,export',
  awareness: true,
  skipMemory: false,
  skipCold: false,
  profile: false,
  webBuild: false,
  exportPages: [100, 300],
  exportRuns: 2,
  exportIdle: 10,
  help: false,
};
const QUICK = { editors: [10, 20], duration: 10, rounds: 1, serverWarmup: 5, warmup: 3, coldRuns: 2, exportRuns: 1, exportIdle: 6 };

const PARTS = ['collab', 'web', 'export'];
const SERVERS = ['kapitel', 'bare'];

/**
 * @typedef {typeof FULL & { parts: string[], servers: string[] }} Options `parts`: the parts
 *   to run; `servers`: the servers of the collaboration part (both from --only).
 */

const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
const envName = (key) => `BENCH_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

/**
 * @param {string} key @param {string | true} raw
 * @returns {unknown}
 */
function parseValue(key, raw) {
  const fallback = FULL[key];
  if (typeof fallback === 'boolean') {
    return raw === true || raw === '1' || raw === 'true';
  }
  if (raw === true) {
    throw new Error(`--${key} needs a value`);
  }
  if (Array.isArray(fallback)) {
    const list = raw.split(',').map(Number);
    if (list.some((n) => !(n > 0))) {
      throw new Error(`--${key} must be positive numbers separated by commas, got "${raw}"`);
    }
    return list;
  }
  if (typeof fallback === 'number') {
    const n = Number(raw);
    if (!(n >= 0)) {
      throw new Error(`--${key} must be a number, got "${raw}"`);
    }
    return n;
  }
  return raw;
}

/**
 * @param {string[]} argv @param {Record<string, string | undefined>} env
 * @returns {Options}
 */
export function parseOptions(argv, env) {
  /** @type {Record<string, unknown>} */
  const given = {};
  for (const key of Object.keys(FULL)) {
    const value = env[envName(key)];
    if (value !== undefined && value !== '') {
      given[key] = parseValue(key, value);
    }
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = /^--(no-)?([a-z-]+)(?:=(.*))?$/.exec(arg);
    const key = match ? camel(match[2]) : '';
    if (!match || !(key in FULL)) {
      throw new Error(`unknown option ${arg}\n\n${USAGE}`);
    }
    let raw = match[3] ?? true;
    if (raw === true && !match[1] && typeof FULL[key] !== 'boolean' && i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      raw = argv[++i];
    }
    given[key] = match[1] ? false : parseValue(key, raw);
  }
  const options = { ...FULL, ...(given.quick ? QUICK : {}), ...given };
  const only = String(options.only).split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = only.filter((name) => !PARTS.includes(name) && !SERVERS.includes(name));
  if (only.length === 0 || unknown.length > 0) {
    throw new Error(`--only takes a list of ${[...PARTS, ...SERVERS].join(', ')}; got "${options.only}"`);
  }
  const servers = only.filter((name) => SERVERS.includes(name));
  // A server named alone means the collaboration part against that server (as before parts existed).
  const parts = only.filter((name) => PARTS.includes(name));
  if (parts.length === 0 || (servers.length > 0 && !parts.includes('collab'))) {
    parts.push('collab');
  }
  options.parts = PARTS.filter((part) => parts.includes(part));
  options.servers = servers.length > 0 ? SERVERS.filter((name) => servers.includes(name)) : [...SERVERS];
  if (options.exportRuns < 1 || options.exportIdle < 1 || options.rounds < 1 || !Number.isInteger(options.rounds)) {
    throw new Error('--export-runs, --export-idle and --rounds must be at least 1 (--rounds a whole number)');
  }
  if (options.probes < 2) {
    throw new Error('--probes must be at least 2 (one types, the others measure)');
  }
  return /** @type {Options} */ (options);
}
