// Command-line flags (and BENCH_* environment variables) of `npm run bench`.

export const USAGE = `Usage: npm run bench -- [options]

  --quick               short run: 10 and 20 editors, 10 s per scenario, 2 cold loads
  --editors=50,100,200  simulated editors per scenario
  --rates=1.5,5         keys per second each editor types
  --duration=15         seconds measured per scenario
  --warmup=4            seconds of typing before measuring
  --probes=4            measuring clients (they type too)
  --probe-rate=5        keys per second each measuring client types (at least the editors' rate)
  --idle-rooms=200      rooms with one idle connection each, open during the scenarios
  --extra-connections=200  idle connections added to one room for the memory figure
  --pages=300           size of the section for the cold-load measurement
  --cold-runs=3         cold loads timed (median reported)
  --authors=10          accounts the editors are spread over (Kapitel)
  --only=kapitel|bare   run against one server only
  --load-nice=10        nice value of the simulated editors' process (0: same priority as the servers)
  --no-awareness        editors send no cursor (awareness) update per key
  --profile             run the servers with --cpu-prof (profiles in bench-results/profiles/)
  --skip-memory --skip-cold
  --help

Every option can also be set as BENCH_<NAME> (BENCH_QUICK=1, BENCH_EDITORS=10,20, ...).
DATABASE_URL: PostgreSQL server on which a fresh database kapitel_bench_<time> is made and
dropped; unset: the server's embedded PostgreSQL in a temporary folder.`;

const FULL = {
  quick: false,
  editors: [50, 100, 200],
  rates: [1.5, 5],
  duration: 15,
  warmup: 4,
  probes: 4,
  probeRate: 5,
  idleRooms: 200,
  extraConnections: 200,
  pages: 300,
  coldRuns: 3,
  authors: 10,
  loadNice: 10,
  only: /** @type {string | null} */ (null),
  awareness: true,
  skipMemory: false,
  skipCold: false,
  profile: false,
  help: false,
};
const QUICK = { editors: [10, 20], duration: 10, warmup: 3, coldRuns: 2 };

/** @typedef {typeof FULL} Options */

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
  for (const arg of argv) {
    const match = /^--(no-)?([a-z-]+)(?:=(.*))?$/.exec(arg);
    const key = match ? camel(match[2]) : '';
    if (!match || !(key in FULL)) {
      throw new Error(`unknown option ${arg}\n\n${USAGE}`);
    }
    given[key] = match[1] ? false : parseValue(key, match[3] ?? true);
  }
  const options = { ...FULL, ...(given.quick ? QUICK : {}), ...given };
  if (options.only !== null && options.only !== 'kapitel' && options.only !== 'bare') {
    throw new Error('--only must be kapitel or bare');
  }
  if (options.probes < 2) {
    throw new Error('--probes must be at least 2 (one types, the others measure)');
  }
  return /** @type {Options} */ (options);
}
