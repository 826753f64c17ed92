// The result as markdown tables (stdout) and JSON (bench-results/).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { round, summarise } from './stats.mjs';

/** @param {unknown} value */
const cell = (value) => (value === null || value === undefined || Number.isNaN(value) ? '–' : String(value));

/** @param {string[]} header @param {unknown[][]} rows */
function table(header, rows) {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
}

/**
 * A scenario collapsed: updates lost, connections dropped, or a p99 beyond a second.
 * @param {any} s
 */
export function collapsed(s) {
  return s.latency.count === 0 || s.latency.p99 > 1000 || s.missingArrivals > 0 || s.lostConnections > 0 || (s.durability?.missingItems ?? 0) > 0 || Boolean(s.durability?.error);
}

/** A round in which a flush of the disk probe took longer than this had a disk stall. */
export const DISK_STALL_MS = 50;

/** @param {any} s a round */
const diskStalled = (s) => !s.diskFlush || s.diskFlush.max > DISK_STALL_MS;

/**
 * The rounds of each scenario on each server together: latency over all their keystrokes
 * (a stall in one round weighs as much as it would in one run as long as all rounds), the
 * p99 of each round, collapsed when any round collapsed. Also the same over the rounds
 * without a disk stall (`steady`), which separates what the disk costs from what the code does.
 * @param {any[]} scenarios
 */
export function poolRounds(scenarios) {
  /** @type {Map<string, any[]>} */
  const groups = new Map();
  for (const s of scenarios) {
    const key = `${s.server} ${s.editors} ${s.rate}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  /** @param {any[]} rounds */
  const latencyOf = (rounds) => summarise(rounds.flatMap((s) => s.samples.map(([, ms]) => ms)));
  return [...groups.values()].map((rounds) => {
    const steady = rounds.filter((s) => !diskStalled(s));
    return {
      server: rounds[0].server,
      editors: rounds[0].editors,
      rate: rounds[0].rate,
      rounds: rounds.length,
      latency: latencyOf(rounds),
      roundP99: rounds.map((s) => s.latency.p99),
      collapsed: rounds.some(collapsed),
      steadyRounds: steady.length,
      steady: latencyOf(steady),
    };
  });
}

/** @param {any} result */
export function markdown(result) {
  const out = [];
  const { machine, options } = result;
  out.push(`## Kapitel benchmark, ${result.date}`);
  out.push('');
  out.push(
    `${machine.cpus} × ${machine.cpuModel}, ${machine.os}, Node ${machine.node}; database: ${result.database}; ` +
      `other processes used ${machine.backgroundCpuPercent} % CPU before the start (100 % = one core). Parts: ${options.parts.join(', ')}${options.quick ? ' (quick run)' : ''}.`,
  );
  if (result.web) {
    out.push('', ...webMarkdown(result.web));
  }
  if (options.parts.includes('collab')) {
    out.push('', ...collabMarkdown(result));
  }
  if (result.export) {
    out.push('', ...exportMarkdown(result.export));
  }
  return out.join('\n');
}

/** @param {any} result @returns {string[]} */
function collabMarkdown(result) {
  const out = [];
  const { options } = result;
  out.push('### Collaboration');
  out.push('');
  out.push(
    `${options.quick ? 'Quick run' : 'Full run'}: ${options.rounds} round${options.rounds === 1 ? '' : 's'} per scenario and server, each ${options.duration} s measured after ${options.warmup} s warm-up, ` +
      `${options.probes} measuring clients typing ${options.probeRate} keys/s or faster, ${options.idleRooms} idle rooms with one connection each, awareness ${options.awareness ? 'on' : 'off'}, simulated editors at nice ${options.loadNice}.`,
  );
  out.push('');
  out.push('#### Propagation latency (ms) and server load');
  out.push('');
  out.push(
    table(
      ['editors', 'keys/s each', 'round', 'server', 'p50', 'p95', 'p99', 'max', 'samples', 'keys/s sent', 'msgs/s to each editor', 'server CPU %', 'DB CPU %', 'server RSS MiB', 'clients CPU %', 'other CPU %', 'disk flush p99 / max ms', 'stored'],
      result.scenarios.map((s) => [
        s.editors,
        s.rate,
        s.round ?? 1,
        s.server,
        round(s.latency.p50),
        round(s.latency.p95),
        round(s.latency.p99),
        round(s.latency.max),
        s.latency.count,
        round(s.keysPerSecond),
        round(s.messagesPerEditorPerSecond),
        round(s.usage.server.cpuPercent),
        s.server === 'kapitel' ? round(s.usage.db.cpuPercent) : '–',
        round(s.usage.server.rssPeakMiB),
        round(s.usage.loadgen.cpuPercent + s.usage.probes.cpuPercent),
        round(s.usage.other.cpuPercent),
        s.diskFlush ? `${round(s.diskFlush.p99)} / ${round(s.diskFlush.max)}` : '–',
        s.durability?.error ? 'check failed' : s.durability?.skipped ? 'not checked' : s.durability ? (s.durability.missingItems === 0 ? (s.server === 'kapitel' ? 'all, reloaded' : 'all (memory)') : `${s.durability.missingItems} missing`) : '–',
      ]),
    ),
  );
  if (result.comparison.length > 0) {
    out.push('');
    out.push('#### Kapitel against the bare relay (p99 over all rounds; ratio = Kapitel / bare)');
    out.push('');
    const perRound = (values) => (values ?? []).map((v) => round(v)).join(' / ');
    out.push(
      table(
        ['editors', 'keys/s each', 'Kapitel p99', 'per round', 'bare p99', 'per round', 'ratio', 'Kapitel collapsed', 'bare collapsed', 'target', 'met'],
        result.comparison.map((c) => [
          c.editors,
          c.rate,
          round(c.kapitelP99),
          perRound(c.kapitelRoundP99),
          round(c.bareP99),
          perRound(c.bareRoundP99),
          Number.isFinite(c.ratio) ? c.ratio.toFixed(2) : '–',
          c.kapitelCollapsed ? 'yes' : 'no',
          c.bareCollapsed ? 'yes' : 'no',
          c.target,
          c.met ? 'yes' : 'no',
        ]),
      ),
    );
  }
  if (result.comparison.length > 0) {
    out.push('');
    out.push(`#### The same without the rounds that had a disk stall (a probe flush over ${DISK_STALL_MS} ms); not a target, for reading the one above`);
    out.push('');
    out.push(
      table(
        ['editors', 'keys/s each', 'Kapitel rounds', 'Kapitel p99', 'bare rounds', 'bare p99', 'ratio'],
        result.comparison.map((c) => [
          c.editors,
          c.rate,
          c.steady.kapitelRounds,
          round(c.steady.kapitelP99),
          c.steady.bareRounds,
          round(c.steady.bareP99),
          Number.isFinite(c.steady.kapitelP99 / c.steady.bareP99) ? (c.steady.kapitelP99 / c.steady.bareP99).toFixed(2) : '–',
        ]),
      ),
    );
  }
  if (result.memory.length > 0) {
    out.push('');
    out.push('#### Memory of the server process: RSS, and JS heap after a full GC');
    out.push('');
    out.push(
      table(
        ['server', 'baseline RSS MiB', 'baseline heap MiB', 'rooms', 'per room with 1 connection: RSS KiB', 'heap KiB', 'extra connections in 1 room', 'per extra idle connection: RSS KiB', 'heap KiB'],
        result.memory.map((m) => [
          m.server,
          round(m.baselineMiB),
          round(m.baselineHeapMiB),
          m.rooms,
          round(m.perRoomKiB),
          round(m.perRoomHeapKiB),
          m.extraConnections,
          round(m.perConnectionKiB),
          round(m.perConnectionHeapKiB),
        ]),
      ),
    );
  }
  if (result.coldLoad) {
    const c = result.coldLoad;
    out.push('');
    out.push(`#### Loading a ${c.pages}-page section (${c.chars} characters, Yjs state ${round(c.bytes / 1024)} KiB; medians of ${c.runs} runs)`);
    out.push('');
    out.push(
      table(
        ['what', 'ms'],
        [
          ['Y.applyUpdate of the state into an empty Y.Doc, in memory (first run)', round(c.applyFirstMs)],
          ['Y.applyUpdate of the state into an empty Y.Doc, in memory (median)', round(c.applyMs)],
          ['Kapitel: new client syncs, room unloaded (cold load from PostgreSQL)', round(c.kapitel?.coldMs)],
          ['Kapitel: second client syncs, room loaded', round(c.kapitel?.warmMs)],
          ['Kapitel: writing the section through the protocol until another client sees it', round(c.kapitel?.storedMs)],
          ['bare relay: new client syncs, document in memory', round(c.bare?.warmMs)],
        ],
      ),
    );
  }
  return out;
}

const kB = (bytes) => round(bytes / 1000);

/** @param {any} web @returns {string[]} */
function webMarkdown(web) {
  const out = ['### Web bundle', ''];
  if (web.error) {
    return [...out, `Not measured: ${web.error}`];
  }
  out.push(
    `Build: ${web.built ? `\`npm run build -w apps/web\` into a temporary folder, ${round(web.buildSeconds)} s` : web.reason}. ` +
      `Entry: ${web.entries.join(', ')}. Sizes in kB (1000 bytes); gzip: node:zlib level 9.`,
  );
  out.push('');
  const row = (what, part, target = '', met = '') => [what, part.files, kB(part.raw), kB(part.gzip), target, met];
  out.push(
    table(
      ['what', 'files', 'raw kB', 'gzip kB', 'target', 'met'],
      [
        row('initial JS (entry and its static imports)', web.initialJs, `≤ ${web.targetKb} kB gzip`, web.met ? 'yes' : 'no'),
        row('initial CSS', web.initialCss),
        row(`lazy JS: editor chunk (${web.editorJs.list.map((f) => f.file.replace(/^assets\//, '')).join(', ') || 'none'})`, web.editorJs),
        row('lazy JS: other chunks', web.otherLazyJs),
        row('lazy CSS', web.lazyCss),
        row('fonts, all subsets (loaded only when a page uses them)', web.fonts),
        row('fonts, Latin subset (what a German or English page loads)', web.latinFonts),
      ],
    ),
  );
  return out;
}

/** @param {any} ex @returns {string[]} */
function exportMarkdown(ex) {
  const out = ['### Export', ''];
  if (ex.error) {
    return [...out, `Failed: ${ex.error}`];
  }
  out.push(
    `Draft exports through the API of a Kapitel of its own (mean of ${ex.runs} run${ex.runs > 1 ? 's' : ''} per size, each with another generated text of that size), ` +
      `after one warm-up export of the process (renderer process and compiler start: ${round(ex.warmup.serverMs)} ms). Export time: the job's createdAt to finishedAt; ` +
      `its phases from the job's progress, polled every 100 ms. Raw: ReportCompiler of libs/export on the same model in a process of its own after the same ` +
      `warm-up; "Typst" = compile + writing the PDF, without preparing the data.`,
  );
  out.push('');
  out.push('#### Time (ms) and pages');
  out.push('');
  out.push(
    table(
      ['report', 'sections', 'pages (server / raw)', 'PDF MiB', 'export', 'reading sections', 'preparing data', 'Typst compile', 'PDF + storing', 'raw: Typst', 'raw: with preparing', 'ratio export / raw Typst'],
      ex.reports.map((r) => [
        `${r.pages} pages`,
        r.sections,
        `${r.serverPages.map(cell).join(', ')} / ${r.rawPages.map(cell).join(', ')}`,
        round(r.pdfBytes / 1024 / 1024),
        round(r.exportMs),
        round(r.phases.readMs),
        round(r.phases.prepareMs),
        round(r.phases.compileMs),
        round(r.phases.pdfAndStoreMs),
        round(r.rawTypstMs),
        round(r.rawTotalMs),
        Number.isFinite(r.ratio) ? r.ratio.toFixed(2) : '–',
      ]),
    ),
  );
  out.push('');
  out.push('#### Memory (MiB): the server process, its renderer process (RSS sampled every 50 ms) and the raw compile; before and after = mean, peaks and increase = largest of the runs');
  out.push('');
  out.push(
    table(
      ['report', 'server RSS before', 'server peak RSS', 'server increase', 'server RSS after', 'renderer peak RSS', 'server + renderer peak', 'server CPU %', 'renderer CPU %', 'DB CPU %', 'raw RSS before', 'raw peak RSS', 'raw increase'],
      ex.reports.map((r) => [
        `${r.pages} pages`,
        round(r.serverRssBeforeMiB),
        round(r.serverPeakRssMiB),
        round(r.serverIncreaseMiB),
        round(r.serverRssAfterMiB),
        round(r.rendererPeakRssMiB),
        round(r.totalPeakRssMiB),
        round(r.serverCpuPercent),
        round(r.rendererCpuPercent),
        round(r.dbCpuPercent),
        round(r.rawRssBeforeMiB),
        round(r.rawPeakRssMiB),
        round(r.rawIncreaseMiB),
      ]),
    ),
  );
  out.push('');
  out.push(`#### Propagation latency (ms) in another section while the export runs (${ex.probes} measuring clients, ${ex.probeRate} keys/s each)`);
  out.push('');
  out.push(
    table(
      ['report', 'export running', 'p50', 'p95', 'p99', 'max', 'samples', 'missing', 'server CPU %', 'renderer CPU %', 'DB CPU %', 'other CPU %'],
      ex.reports.flatMap((r) =>
        [
          ['no', r.latencyIdle],
          ['yes', r.latencyExport],
        ].map(([running, l]) => [
          `${r.pages} pages`,
          running,
          round(l.p50),
          round(l.p95),
          round(l.p99),
          round(l.max),
          l.count,
          l.missing,
          round(l.serverCpuPercent),
          round(l.rendererCpuPercent),
          round(l.dbCpuPercent),
          round(l.otherCpuPercent),
        ]),
      ),
    ),
  );
  out.push('');
  out.push('#### The same keystrokes by the phase of the export they were made in: p99 ms (samples)');
  out.push('');
  const phase = (l) => (l.count > 0 ? `${round(l.p99)} (${l.count})` : '–');
  out.push(
    table(
      ['report', 'reading sections', 'preparing data', 'Typst compile', 'PDF + storing'],
      ex.reports.map((r) => [`${r.pages} pages`, phase(r.latencyByPhase.read), phase(r.latencyByPhase.prepare), phase(r.latencyByPhase.compile), phase(r.latencyByPhase.store)]),
    ),
  );
  return out;
}

/**
 * Writes bench-results/bench-<date>.json and bench-results/latest.json; returns the first path.
 * @param {string} root @param {any} result
 */
export function writeJson(root, result) {
  const dir = join(root, 'bench-results');
  mkdirSync(dir, { recursive: true });
  // Arrays of numbers on one line each (a latency sample is [ms into the window, ms]).
  const json = `${JSON.stringify(result, null, 2).replace(/\[\s+([-\d.e+,\s]+?)\s+\]/g, (_, inner) => `[${inner.split(/,\s+/).join(', ')}]`)}\n`;
  const path = join(dir, `bench-${result.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(path, json);
  writeFileSync(join(dir, 'latest.json'), json);
  return path;
}
