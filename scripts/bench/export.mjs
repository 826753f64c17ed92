// The export benchmark (issue 7): generated reports of about 100 and 300 pages exported
// through the API of a running Kapitel (time, peak memory of the server process), beside a
// raw compile of the same report model with the export library alone (the ratio is the
// server's overhead), and the propagation latency of measuring clients typing in another
// section while the export runs, against the same measurement without an export.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { onCleanup } from './cleanup.mjs';
import { helperPids, rendererPids, resetPeakRss, rssAndPeak, Sampler } from './proc.mjs';
import { makeReport, reportModel } from './report-gen.mjs';
import { summarise } from './stats.mjs';
import { startKapitel } from './targets.mjs';
import { mapLimit, sleep } from './wire.mjs';

const POLL_MS = 100;
const RSS_SAMPLE_MS = 50;
const mib = (bytes) => bytes / 1024 / 1024;
const range = (n) => Array.from({ length: n }, (_, i) => i);

/**
 * Pages of a PDF: poppler's pdfinfo when installed, else the largest /Count of the file
 * (the page tree's root; Typst writes it uncompressed).
 * @param {string} path @param {Uint8Array} bytes
 */
async function pdfPages(path, bytes) {
  try {
    const { stdout } = await promisify(execFile)('pdfinfo', [path]);
    return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
  } catch {
    const counts = [...Buffer.from(bytes).toString('latin1').matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)].map((m) => Number(m[1]));
    return counts.length > 0 ? Math.max(...counts) : null;
  }
}

/** The calendar day the server puts on the report (ReportSource.reportDate). */
const reportDate = (at) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/**
 * Runs `node --expose-gc typst-raw.mjs` on a model file; resolves with its JSON.
 * @param {string} root @param {string} modelPath @param {string} pdfPath
 */
function rawCompile(root, modelPath, pdfPath) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', join(root, 'scripts/bench/typst-raw.mjs'), modelPath, pdfPath], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      try {
        if (code !== 0) {
          throw new Error(`the raw compile exited with code ${code}`);
        }
        resolve(JSON.parse(out));
      } catch (error) {
        reject(error);
      }
    });
  });
}

/**
 * Creates a project holding `report` (sections through the API, texts through the
 * collaboration protocol); returns its id, language and the stored texts as the server will
 * read them (ProseMirror JSON after the round trip through Yjs).
 * @param {import('./targets.mjs').Target} target @param {import('./rpc.mjs').Worker} probe
 * @param {ReturnType<typeof makeReport>} report
 */
async function storeReport(target, probe, report) {
  const api = /** @type {import('./targets.mjs').LeadApi} */ (target.api);
  const { project } = await api.request('POST', '/api/projects', { title: report.title }, 201);
  /** @type {string[]} */
  const ids = [];
  for (const section of report.sections) {
    const parentId = section.parent === null ? null : ids[section.parent];
    const { section: created } = await api.request('POST', `/api/projects/${project.id}/sections`, { title: section.title, parentId }, 201);
    ids.push(created.id);
  }
  // Imported here, not at the top: libs/editor/dist exists only once the bench has built it.
  const { contentOfState, stateOfJson } = await import('../../libs/editor/dist/index.js');
  const states = report.sections.map((section) => stateOfJson(section.json));
  await mapLimit(ids, 4, (id, i) => probe.call('storeUpdate', { endpoint: target.endpoint(id, 'lead'), update: Buffer.from(states[i]).toString('base64') }, 120_000));
  return { projectId: project.id, language: project.language ?? 'de', contents: states.map((state) => contentOfState(state).json) };
}

/**
 * Asks for a draft export and follows it until it is done: time to done (as the client sees
 * it, polling every 100 ms, and as the server stored it), when the progress passed each
 * stage, peak RSS of the server process and of its renderer process (sampled), CPU of the
 * server, the renderer and the database.
 * @param {import('./targets.mjs').Target} target @param {string} projectId
 */
async function timedExport(target, projectId) {
  const api = /** @type {import('./targets.mjs').LeadApi} */ (target.api);
  const sampler = new Sampler({
    server: () => [target.pid],
    renderer: () => rendererPids(target.pid),
    db: () => helperPids(target.pid, target.databaseName),
  });
  const peakReset = resetPeakRss(target.pid);
  const before = rssAndPeak(target.pid);
  let sampledPeak = before?.rss ?? 0;
  // The renderer may end right after its job (when it holds too much), so it is sampled.
  let rendererPeak = 0;
  let totalPeak = 0;
  const rssTimer = setInterval(() => {
    const server = rssAndPeak(target.pid)?.rss ?? 0;
    const renderer = rendererPids(target.pid).reduce((sum, pid) => sum + (rssAndPeak(pid)?.rss ?? 0), 0);
    sampledPeak = Math.max(sampledPeak, server);
    rendererPeak = Math.max(rendererPeak, renderer);
    totalPeak = Math.max(totalPeak, server + renderer);
  }, RSS_SAMPLE_MS);
  sampler.start();
  const t0 = performance.now();
  /** @type {Record<string, number>} first time the progress was seen at or past a stage */
  const seen = {};
  let job;
  let ms;
  let usage;
  try {
    const created = await api.request('POST', `/api/projects/${projectId}/exports`, { mode: 'draft' }, 202);
    for (;;) {
      job = await api.request('GET', `/api/projects/${projectId}/exports/${created.id}`, undefined, 200);
      const at = performance.now() - t0;
      for (const [stage, share] of [['read', 0.5], ['prepared', 0.6], ['compiled', 0.9]]) {
        if (job.progress >= share || job.status === 'done') {
          seen[stage] ??= at;
        }
      }
      if (job.status === 'done' || job.status === 'failed') {
        break;
      }
      if (at > 600_000) {
        throw new Error(`export still ${job.status} after 10 minutes`);
      }
      await sleep(POLL_MS);
    }
    ms = performance.now() - t0;
  } finally {
    clearInterval(rssTimer);
    usage = sampler.stop();
  }
  const after = rssAndPeak(target.pid);
  if (job.status !== 'done') {
    throw new Error(`the export failed: ${job.error}`);
  }
  sampledPeak = Math.max(sampledPeak, after?.rss ?? 0);
  return {
    id: job.id,
    ms,
    serverMs: Date.parse(job.finishedAt) - Date.parse(job.createdAt),
    // Polled: each figure is up to POLL_MS late.
    phases: { readMs: seen.read, prepareMs: seen.prepared - seen.read, compileMs: seen.compiled - seen.prepared, pdfAndStoreMs: ms - seen.compiled },
    bytes: job.size,
    rssBeforeMiB: before ? mib(before.rss) : null,
    peakRssMiB: peakReset && after ? mib(Math.max(after.peak, sampledPeak)) : mib(sampledPeak),
    peakFrom: peakReset ? 'VmHWM' : `RSS every ${RSS_SAMPLE_MS} ms`,
    rendererPeakRssMiB: mib(rendererPeak),
    totalPeakRssMiB: mib(totalPeak),
    cpuPercent: usage.server.cpuPercent,
    rendererCpuPercent: usage.renderer.cpuPercent,
    dbCpuPercent: usage.db.cpuPercent,
    otherCpuPercent: usage.other.cpuPercent,
  };
}

/**
 * Propagation latency of the measuring clients typing in `room` while `during` runs, with
 * the CPU use of the server meanwhile.
 * @param {{ target: import('./targets.mjs').Target, probe: import('./rpc.mjs').Worker, options: import('./options.mjs').Options }} ctx
 * @param {string} room @param {number} paragraphs @param {() => Promise<unknown>} during
 */
async function latencyWhile({ target, probe, options }, room, paragraphs, during) {
  await probe.call('startProbes', { rate: options.probeRate, awareness: options.awareness, paragraphs, endpoints: range(options.probes).map((i) => target.endpoint(room, i)) });
  try {
    await sleep(2000);
    const sampler = new Sampler({
      server: () => [target.pid],
      renderer: () => rendererPids(target.pid),
      db: () => helperPids(target.pid, target.databaseName),
      probes: () => [/** @type {number} */ (probe.child.pid)],
    });
    await probe.call('markProbes');
    sampler.start();
    let usage;
    let result;
    try {
      result = await during();
    } finally {
      usage = sampler.stop();
    }
    const measured = await probe.call('stopProbes', { graceMs: 8000 });
    return { result, usage, measured };
  } finally {
    await probe.call('closeProbes');
  }
}

/**
 * @param {{ samples: number[], times: number[], missing: number }} measured
 * @param {Array<Record<string, { cpuPercent: number }>>} usages one per window (averaged)
 */
const latencyOf = (measured, usages) => ({
  ...summarise(measured.samples),
  missing: measured.missing,
  windows: usages.length,
  serverCpuPercent: usages.reduce((sum, u) => sum + u.server.cpuPercent, 0) / usages.length,
  rendererCpuPercent: usages.reduce((sum, u) => sum + u.renderer.cpuPercent, 0) / usages.length,
  dbCpuPercent: usages.reduce((sum, u) => sum + u.db.cpuPercent, 0) / usages.length,
  otherCpuPercent: usages.reduce((sum, u) => sum + u.other.cpuPercent, 0) / usages.length,
  samples: measured.samples.map((ms, i) => [Math.round(measured.times[i]), Math.round(ms * 10) / 10]),
});

/**
 * The export part, on a Kapitel of its own (fresh database, no other load).
 * @param {{ root: string, databaseUrl: string | null, load: import('./rpc.mjs').Worker, probe: import('./rpc.mjs').Worker,
 *   options: import('./options.mjs').Options, log: (message: string) => void }} ctx
 */
export async function exportPart({ root, databaseUrl, load, probe, options, log }) {
  const work = mkdtempSync(join(tmpdir(), 'kapitel-bench-export-'));
  onCleanup('export work folder', () => rmSync(work, { recursive: true, force: true }));
  log('export: starting Kapitel');
  const target = await startKapitel({ root, databaseUrl, authors: 2 });
  const ctx = { target, probe, options };
  const api = /** @type {import('./targets.mjs').LeadApi} */ (target.api);
  try {
    // The first export of a process starts the worker thread and the Typst compiler (fonts):
    // done once here with a one-section report, as the raw compile does its warm-up.
    const warm = await storeReport(target, probe, { title: 'Aufwärmen', sections: [makeReport(1).sections[1]].map((s) => ({ ...s, depth: 1, parent: null })), chars: 0 });
    const warmup = await timedExport(target, warm.projectId);
    log(`export: first export of the process (renderer and compiler start) ${Math.round(warmup.ms)} ms`);

    const [room] = await target.newRooms(1, 'Messabschnitt');
    const paragraphs = 4;
    await load.call('seed', { endpoint: target.endpoint(room, 'lead'), paragraphs });

    const reports = [];
    for (const pages of options.exportPages) {
      log(`export: ${pages} pages: latency without an export (${options.exportIdle} s)`);
      const idle = await latencyWhile(ctx, room, paragraphs, () => sleep(options.exportIdle * 1000));
      const runs = [];
      const during = { samples: [], times: [], missing: 0 };
      const usages = [];
      /** @type {Record<string, number[]>} latencies of keystrokes made during each phase of the export */
      const byPhase = { read: [], prepare: [], compile: [], store: [] };
      for (let run = 0; run < options.exportRuns; run++) {
        // Each run another text of the same size: Typst memoizes, and the same report again
        // would be typeset from the cache.
        const report = makeReport(pages, run);
        log(`export: ${pages} pages, run ${run + 1}: storing ${report.sections.length} sections (${report.chars} characters)`);
        const stored = await storeReport(target, probe, report);
        const model = reportModel(report, { contents: stored.contents, language: stored.language, date: reportDate(new Date()), contributors: [{ name: 'Lea Lead', organisation: null }] });
        const modelPath = join(work, `model-${pages}-${run}.json`);
        writeFileSync(modelPath, JSON.stringify(model));
        const rawPdf = join(work, `raw-${pages}-${run}.pdf`);
        const raw = async () => rawCompile(root, modelPath, rawPdf);
        const server = async () => {
          const { result, usage, measured } = await latencyWhile(ctx, room, paragraphs, () => timedExport(target, stored.projectId));
          during.samples.push(...measured.samples);
          during.times.push(...measured.times);
          during.missing += measured.missing;
          usages.push(usage);
          // The window starts as the export is asked for: sort each keystroke into the phase it was made in.
          const { readMs, prepareMs, compileMs } = result.phases;
          const ends = [['read', readMs], ['prepare', readMs + prepareMs], ['compile', readMs + prepareMs + compileMs], ['store', Infinity]];
          measured.samples.forEach((ms, i) => byPhase[ends.find(([, end]) => measured.times[i] < end)[0]].push(ms));
          return { ...result, rssAfterMiB: mib(rssAndPeak(target.pid)?.rss ?? Number.NaN), latency: summarise(measured.samples) };
        };
        // The order alternates from run to run, so that both meet the same conditions.
        let rawRun;
        let serverResult;
        if (run % 2 === 0) {
          rawRun = await raw();
          serverResult = await server();
        } else {
          serverResult = await server();
          rawRun = await raw();
        }
        const pdf = await api.download(`/api/projects/${stored.projectId}/exports/${serverResult.id}/file`);
        const serverPdf = join(work, `server-${pages}-${run}.pdf`);
        writeFileSync(serverPdf, pdf);
        runs.push({
          sections: report.sections.length,
          chars: report.chars,
          serverPages: await pdfPages(serverPdf, pdf),
          rawPages: await pdfPages(rawPdf, readFileSync(rawPdf)),
          server: serverResult,
          raw: rawRun,
          ratio: serverResult.serverMs / rawRun.typstMs,
        });
        log(
          `export: ${pages} pages, run ${run + 1}: export ${Math.round(serverResult.serverMs)} ms (raw Typst ${Math.round(rawRun.typstMs)} ms), ` +
            `peak RSS ${Math.round(serverResult.peakRssMiB)} MiB (raw ${Math.round(rawRun.peakRssMiB)}); probes p99 ${serverResult.latency.p99.toFixed(1)} ms`,
        );
      }
      const avg = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
      reports.push({
        pages,
        runs,
        sections: runs[0].sections,
        serverPages: runs.map((r) => r.serverPages),
        rawPages: runs.map((r) => r.rawPages),
        pdfBytes: avg(runs.map((r) => r.server.bytes)),
        exportMs: avg(runs.map((r) => r.server.serverMs)),
        clientMs: avg(runs.map((r) => r.server.ms)),
        phases: Object.fromEntries(Object.keys(runs[0].server.phases).map((key) => [key, avg(runs.map((r) => r.server.phases[key]))])),
        rawTypstMs: avg(runs.map((r) => r.raw.typstMs)),
        rawTotalMs: avg(runs.map((r) => r.raw.totalMs)),
        ratio: avg(runs.map((r) => r.ratio)),
        serverRssBeforeMiB: avg(runs.map((r) => r.server.rssBeforeMiB)),
        serverPeakRssMiB: Math.max(...runs.map((r) => r.server.peakRssMiB)),
        serverIncreaseMiB: Math.max(...runs.map((r) => r.server.peakRssMiB - r.server.rssBeforeMiB)),
        serverRssAfterMiB: avg(runs.map((r) => r.server.rssAfterMiB)),
        serverCpuPercent: avg(runs.map((r) => r.server.cpuPercent)),
        rendererPeakRssMiB: Math.max(...runs.map((r) => r.server.rendererPeakRssMiB)),
        totalPeakRssMiB: Math.max(...runs.map((r) => r.server.totalPeakRssMiB)),
        rendererCpuPercent: avg(runs.map((r) => r.server.rendererCpuPercent)),
        dbCpuPercent: avg(runs.map((r) => r.server.dbCpuPercent)),
        rawRssBeforeMiB: avg(runs.map((r) => r.raw.rssBeforeMiB)),
        rawPeakRssMiB: Math.max(...runs.map((r) => r.raw.peakRssMiB)),
        rawIncreaseMiB: Math.max(...runs.map((r) => r.raw.peakRssMiB - r.raw.rssBeforeMiB)),
        latencyIdle: latencyOf(idle.measured, [idle.usage]),
        latencyExport: latencyOf(during, usages),
        latencyByPhase: Object.fromEntries(Object.entries(byPhase).map(([phase, samples]) => [phase, summarise(samples)])),
      });
    }
    return { warmup, reports, runs: options.exportRuns, probes: options.probes, probeRate: options.probeRate, idleSeconds: options.exportIdle };
  } finally {
    await target.stop();
  }
}
