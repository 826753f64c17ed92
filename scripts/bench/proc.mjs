// CPU and memory of processes, read from /proc (Linux): utime+stime and RSS.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const CLOCK_TICKS = 100; // USER_HZ; 100 on every Linux this runs on (getconf CLK_TCK)
const PAGE_BYTES = 4096;

/**
 * @typedef {{ pid: number, ppid: number, ticks: number, rssBytes: number }} ProcStat
 */

/** @param {number} pid @returns {ProcStat | null} */
export function readStat(pid) {
  let raw;
  try {
    raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) may hold spaces and parentheses: split after its last ')'.
  const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
  return {
    pid,
    ppid: Number(fields[1]),
    ticks: Number(fields[11]) + Number(fields[12]),
    rssBytes: Number(fields[21]) * PAGE_BYTES,
  };
}

/** Busy CPU ticks of the whole machine, all cores (from /proc/stat). */
export function machineBusyTicks() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  return total - fields[3] - fields[4]; // minus idle and iowait
}

/** @param {number} pid */
function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/**
 * The database processes that work for a server: its descendants (an embedded PostgreSQL)
 * and the backends whose title names `databaseName` (a shared PostgreSQL server).
 * @param {number} rootPid @param {string | null} databaseName
 */
export function helperPids(rootPid, databaseName) {
  const stats = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat) => stat !== null);
  const children = new Map();
  for (const stat of stats) {
    children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat.pid]);
  }
  const found = new Set();
  const visit = (pid) => {
    for (const child of children.get(pid) ?? []) {
      found.add(child);
      visit(child);
    }
  };
  visit(rootPid);
  for (const pid of rendererPids(rootPid)) {
    found.delete(pid);
  }
  if (databaseName) {
    for (const stat of stats) {
      if (commandLine(stat.pid).includes(` ${databaseName} `)) {
        found.add(stat.pid);
      }
    }
  }
  found.delete(rootPid);
  return [...found];
}

/**
 * The export renderer processes of a server (children running `render-process.js`).
 * @param {number} rootPid
 */
export function rendererPids(rootPid) {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat) => stat !== null && stat.ppid === rootPid && commandLine(stat.pid).includes('render-process.js'))
    .map((stat) => stat.pid);
}

/**
 * Samples processes once a second between start() and stop(): CPU as percent of one core
 * (over the whole window) and RSS (mean and peak, in MiB).
 */
export class Sampler {
  /**
   * @param {Record<string, () => number[]>} groups name → pids to sum (looked up at each sample,
   *   so backends that come and go are counted)
   */
  constructor(groups) {
    this.groups = groups;
    /** @type {NodeJS.Timeout | null} */
    this.timer = null;
  }

  start() {
    this.startedAt = performance.now();
    /** @type {Record<string, { first: Map<number, number>, last: Map<number, number>, rss: number[] }>} */
    this.data = {};
    for (const name of Object.keys(this.groups)) {
      this.data[name] = { first: new Map(), last: new Map(), rss: [] };
    }
    this.machineStart = machineBusyTicks();
    this.sample();
    this.timer = setInterval(() => this.sample(), 1000);
  }

  sample() {
    for (const [name, pidsOf] of Object.entries(this.groups)) {
      const entry = this.data[name];
      let rss = 0;
      for (const pid of pidsOf()) {
        const stat = readStat(pid);
        if (!stat) {
          continue;
        }
        if (!entry.first.has(pid)) {
          // A process first seen now: its earlier CPU does not belong to this window, unless it is new.
          entry.first.set(pid, entry.rss.length === 0 ? stat.ticks : 0);
        }
        entry.last.set(pid, stat.ticks);
        rss += stat.rssBytes;
      }
      entry.rss.push(rss);
    }
  }

  /**
   * Per group, and `machine`: all busy CPU of the box (percent of one core; 200 = both cores
   * of two) and `other`: what processes outside the groups used meanwhile.
   * @returns {Record<string, { cpuPercent: number, rssMeanMiB: number, rssPeakMiB: number }>}
   */
  stop() {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
    this.sample();
    const seconds = (performance.now() - this.startedAt) / 1000;
    /** @type {Record<string, { cpuPercent: number, rssMeanMiB: number, rssPeakMiB: number }>} */
    const result = {};
    for (const [name, entry] of Object.entries(this.data)) {
      let ticks = 0;
      for (const [pid, last] of entry.last) {
        ticks += last - (entry.first.get(pid) ?? last);
      }
      const mib = (bytes) => bytes / 1024 / 1024;
      result[name] = {
        cpuPercent: (ticks / CLOCK_TICKS / seconds) * 100,
        rssMeanMiB: mib(entry.rss.reduce((a, b) => a + b, 0) / entry.rss.length),
        rssPeakMiB: mib(Math.max(...entry.rss)),
      };
    }
    const machine = ((machineBusyTicks() - this.machineStart) / CLOCK_TICKS / seconds) * 100;
    const ours = Object.values(result).reduce((sum, entry) => sum + entry.cpuPercent, 0);
    result.machine = { cpuPercent: machine, rssMeanMiB: Number.NaN, rssPeakMiB: Number.NaN };
    result.other = { cpuPercent: Math.max(0, machine - ours), rssMeanMiB: Number.NaN, rssPeakMiB: Number.NaN };
    return result;
  }
}

/**
 * RSS of one process in bytes, as the median of a few readings (it moves with GC).
 * @param {number} pid
 */
export async function settledRss(pid, readings = 5, gapMs = 200) {
  const values = [];
  for (let i = 0; i < readings; i++) {
    values.push(readStat(pid)?.rssBytes ?? 0);
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  return values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/**
 * Resets the peak RSS (VmHWM) of a process of ours (`echo 5 > /proc/<pid>/clear_refs`);
 * false when the kernel does not allow it.
 * @param {number} pid
 */
export function resetPeakRss(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * Current and peak RSS of a process in bytes (VmRSS, VmHWM from /proc/<pid>/status).
 * @param {number} pid
 * @returns {{ rss: number, peak: number } | null}
 */
export function rssAndPeak(pid) {
  let status;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const kib = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}
