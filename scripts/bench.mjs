#!/usr/bin/env node
// `npm run bench`: Kapitel's benchmarks. Not a test: it measures and reports. Three parts,
// each selectable with --only (default: all):
//
// - collab (issue 4): Kapitel (apps/server/dist/main.js, on its own fresh database) and the
//   bare in-memory relay @y/websocket-server 0.1.1 get the same load in the same run:
//   simulated editors typing into one section, a few measuring clients timing how long a
//   keystroke takes to reach the others, and many idle rooms. Also: memory per idle room and
//   connection, and the cold load of a long section.
// - web (issue 5): the initial JavaScript of the web app's build, gzipped, against 350 kB.
// - export (issue 7): generated 100- and 300-page reports exported through the API (time,
//   peak memory), beside a raw Typst compile of the same model, and the collaboration latency
//   while an export runs.
//
// Prints markdown tables; writes bench-results/bench-<date>.json and latest.json.
// Method and targets: docs/benchmarks.md. `npm run bench -- --help` lists the options.
import { cpus, release, setPriority, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureTsBuilt } from './lib/build.mjs';
import { machineBusyTicks } from './bench/proc.mjs';
import { cleanup, cleanupOnSignals, onCleanup } from './bench/cleanup.mjs';
import { exportPart } from './bench/export.mjs';
import { parseOptions, USAGE } from './bench/options.mjs';
import { coldLoad, idleRoomsAndMemory, settle, typingScenario } from './bench/phases.mjs';
import { markdown, poolRounds, writeJson } from './bench/report.mjs';
import { startWorker } from './bench/rpc.mjs';
import { startBare, startKapitel } from './bench/targets.mjs';
import { webBundle } from './bench/web.mjs';

/** @param {string} message */
const log = (message) => process.stderr.write(`[bench] ${message}\n`);

function machine() {
  let debian = '';
  try {
    debian = ` (Debian ${readFileSync('/etc/debian_version', 'utf8').trim()})`;
  } catch {
    // not Debian
  }
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU',
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    os: `Linux ${release()}${debian}`,
    node: process.versions.node,
  };
}

/**
 * Runs the phases against the targets: memory and idle rooms per target, then each scenario
 * in `rounds` rounds, each round against each target back to back (the order alternating),
 * so that both servers of a pair meet the same conditions on the machine; then the cold loads.
 * @param {import('./bench/targets.mjs').Target[]} targets
 * @param {Omit<import('./bench/phases.mjs').Context, 'target'>} base
 * @param {any} result
 * @param {Record<string, unknown>} book
 */
async function runAll(targets, base, result, book) {
  const { options } = base;
  /** @type {Map<string, string[]>} */
  const idleRooms = new Map();
  for (const target of targets) {
    const { memory, rooms } = await idleRoomsAndMemory({ ...base, target });
    result.memory.push(memory);
    idleRooms.set(target.name, rooms);
  }
  if (options.serverWarmup > 0) {
    // A fresh server on a fresh database is not what a report project runs on: code not yet
    // compiled by the JIT, tables and indexes without pages, every first write of a page after
    // the database was made a full-page image in the WAL. Without this, a trace of the first
    // scenario showed twice as many slow commits (over 3 ms) as the rounds after it.
    for (const target of targets) {
      log(`${target.name}: warming up (${options.serverWarmup} s of typing, not measured)`);
      const warmup = { ...options, warmup: 0, duration: options.serverWarmup };
      await typingScenario({ ...base, options: warmup, target }, options.editors[0], options.rates[0]);
      await settle({ ...base, target }, idleRooms.get(target.name) ?? []);
    }
  }
  let index = 0;
  for (const editors of options.editors) {
    for (const rate of options.rates) {
      for (let round = 1; round <= options.rounds; round++) {
        const order = index++ % 2 === 0 ? targets : [...targets].reverse();
        for (const target of order) {
          const ctx = { ...base, target };
          const scenario = { ...(await typingScenario(ctx, editors, rate)), round };
          scenario.restartedAfterAtCpuPercent = await settle(ctx, idleRooms.get(target.name) ?? []);
          result.scenarios.push(scenario);
        }
      }
    }
  }
  result.pooled = poolRounds(result.scenarios);
  if (!options.skipCold) {
    result.coldLoad = { pages: options.pages, runs: options.coldRuns, ...book };
    for (const target of targets) {
      result.coldLoad[target.name] = await coldLoad({ ...base, target });
    }
  }
  for (const target of targets) {
    await base.load.call('closeGroup', { group: `idle-${target.name}` });
    await target.stop();
  }
}

/** CPU the machine spends on other work while the bench does nothing (percent of one core). */
async function backgroundLoad(ms = 3000) {
  const before = machineBusyTicks();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return ((machineBusyTicks() - before) / 100 / (ms / 1000)) * 100;
}

/**
 * The collaboration part: both servers (or the one --only names), the scenarios, memory and
 * cold load, and the comparison against the targets.
 * @param {Omit<import('./bench/phases.mjs').Context, 'target'>} base
 * @param {any} result @param {string | null} databaseUrl
 */
async function collabPart(base, result, databaseUrl) {
  const { options, probe } = base;
  /** @type {Record<string, unknown>} */
  let book = {};
  if (!options.skipCold) {
    log(`building a ${options.pages}-page section`);
    book = await probe.call('makeBook', { pages: options.pages });
  }
  const targets = [];
  if (options.servers.includes('kapitel')) {
    log(`starting Kapitel (${result.database})`);
    targets.push(await startKapitel({ root: ROOT, databaseUrl, authors: options.authors, profile: options.profile }));
  }
  if (options.servers.includes('bare')) {
    log('starting the bare relay @y/websocket-server 0.1.1');
    targets.push(await startBare({ root: ROOT, profile: options.profile }));
  }
  await runAll(targets, base, result, book);

  // Targets (issue 4): p99 no worse than the bare relay up to 100 editors, no collapse beyond.
  // Over all rounds: p99 of their keystrokes together, and a collapse in any round counts.
  const noCollapseOnly = (editors) => editors > 100;
  for (const k of result.pooled.filter((s) => s.server === 'kapitel')) {
    const b = result.pooled.find((s) => s.server === 'bare' && s.editors === k.editors && s.rate === k.rate);
    if (b) {
      const target = noCollapseOnly(k.editors) ? 'no collapse' : 'p99 ≤ bare p99';
      const met = !k.collapsed && (noCollapseOnly(k.editors) || k.latency.p99 <= b.latency.p99 || b.collapsed);
      result.comparison.push({
        editors: k.editors,
        rate: k.rate,
        kapitelP99: k.latency.p99,
        bareP99: b.latency.p99,
        ratio: k.latency.p99 / b.latency.p99,
        kapitelRoundP99: k.roundP99,
        bareRoundP99: b.roundP99,
        kapitelCollapsed: k.collapsed,
        bareCollapsed: b.collapsed,
        steady: { kapitelRounds: k.steadyRounds, kapitelP99: k.steady.p99, bareRounds: b.steadyRounds, bareP99: b.steady.p99 },
        target,
        met,
      });
    }
  }
}

async function main() {
  let options;
  try {
    options = parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  cleanupOnSignals();
  const { parts } = options;
  const needsServers = parts.includes('collab') || parts.includes('export');
  if (needsServers) {
    await ensureTsBuilt();
  }
  const databaseUrl = process.env.DATABASE_URL || null;
  const started = Date.now();
  const result = {
    date: new Date().toISOString(),
    machine: { ...machine(), backgroundCpuPercent: 0 },
    database: databaseUrl ? `PostgreSQL at ${new URL(databaseUrl).host} (fresh database per run)` : 'embedded PostgreSQL (temporary folder)',
    options,
    web: null,
    scenarios: [],
    pooled: [],
    comparison: [],
    memory: [],
    coldLoad: null,
    export: null,
  };
  let failed = false;
  if (parts.includes('web')) {
    // Built first: the build's CPU use must not fall into a measurement.
    try {
      result.web = await webBundle({ root: ROOT, force: options.webBuild, log });
      log(`web: initial JS ${Math.round(result.web.initialJs.gzip / 1000)} kB gzip (target ≤ ${result.web.targetKb} kB)`);
    } catch (error) {
      log(`web: ${error instanceof Error ? error.message : String(error)}`);
      result.web = { error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
      failed = true;
    }
  }
  const background = await backgroundLoad();
  result.machine.backgroundCpuPercent = Math.round(background);
  if (background > 20) {
    log(`warning: other processes keep the machine ${Math.round(background)} % busy (of ${cpus().length * 100} %): results will be noisy`);
  }

  if (needsServers) {
    const load = startWorker(join(ROOT, 'scripts/bench/load-worker.mjs'), 'load worker');
    const probe = startWorker(join(ROOT, 'scripts/bench/probe-worker.mjs'), 'probe worker');
    // In real use the editors sit on other machines: here they yield the CPU to the servers
    // (and to the measuring clients, whose clock readings must not wait).
    setPriority(/** @type {number} */ (load.child.pid), options.loadNice);
    onCleanup('workers', () => Promise.all([load.stop(), probe.stop()]).then(() => undefined));
    const base = { load, probe, options, log };
    if (parts.includes('collab')) {
      await collabPart(base, result, databaseUrl);
    }
    if (parts.includes('export')) {
      try {
        result.export = await exportPart({ root: ROOT, databaseUrl, load, probe, options, log });
      } catch (error) {
        log(`export failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        result.export = { error: error instanceof Error ? error.message : String(error) };
        failed = true;
      }
    }
  }
  result.durationSeconds = Math.round((Date.now() - started) / 1000);
  process.stdout.write(`${markdown(result)}\n\nTotal time: ${result.durationSeconds} s\n`);
  log(`results written to ${writeJson(ROOT, result)}`);
  if (failed) {
    process.exitCode = 1;
  }
}

try {
  await main();
  await cleanup();
} catch (error) {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await cleanup();
  process.exitCode = 1;
}
