// The measurements against one target: memory, typing scenarios, cold load.
import { heapAfterGc } from './inspector.mjs';
import { startDiskProbe } from './disk-probe.mjs';
import { helperPids, Sampler, settledRss } from './proc.mjs';
import { median, summarise } from './stats.mjs';
import { sleep } from './wire.mjs';

/**
 * @typedef {object} Context
 * @property {import('./targets.mjs').Target} target
 * @property {import('./rpc.mjs').Worker} load
 * @property {import('./rpc.mjs').Worker} probe
 * @property {import('./options.mjs').Options} options
 * @property {(message: string) => void} log
 */

const range = (n) => Array.from({ length: n }, (_, i) => i);

/**
 * Opens the idle rooms (kept open for the scenarios) and measures memory (RSS, and the JS
 * heap after a full GC) per room and per extra connection in one room.
 * @param {Context} ctx
 */
export async function idleRoomsAndMemory({ target, load, options, log }) {
  const rooms = await target.newRooms(options.idleRooms, 'Ruhiger Abschnitt');
  const measure = async () => {
    await sleep(2000);
    const heap = await heapAfterGc(target.inspectorPort);
    return { rss: await settledRss(target.pid), heap };
  };
  const baseline = await measure();
  log(`${target.name}: opening ${rooms.length} idle rooms`);
  await load.call('openIdle', { group: `idle-${target.name}`, endpoints: rooms.map((room) => target.endpoint(room, 'lead')) });
  const withRooms = await measure();
  const extra = options.skipMemory || rooms.length === 0 ? 0 : options.extraConnections;
  let withExtra = withRooms;
  if (extra > 0) {
    await load.call('openIdle', { group: `extra-${target.name}`, endpoints: range(extra).map(() => target.endpoint(rooms[0], 'lead')) });
    withExtra = await measure();
    await load.call('closeGroup', { group: `extra-${target.name}` });
  }
  /** @param {'rss' | 'heap'} key @param {{rss: number, heap: number}} from @param {{rss: number, heap: number}} to @param {number} count */
  const perKiB = (key, from, to, count) => (count > 0 ? (to[key] - from[key]) / 1024 / count : null);
  const memory = {
    server: target.name,
    baselineMiB: baseline.rss / 1024 / 1024,
    baselineHeapMiB: baseline.heap / 1024 / 1024,
    rooms: rooms.length,
    perRoomKiB: perKiB('rss', baseline, withRooms, rooms.length),
    perRoomHeapKiB: perKiB('heap', baseline, withRooms, rooms.length),
    extraConnections: extra,
    perConnectionKiB: perKiB('rss', withRooms, withExtra, extra),
    perConnectionHeapKiB: perKiB('heap', withRooms, withExtra, extra),
  };
  return { memory, rooms };
}

/**
 * After a scenario: a server still busy (a backlog it has not worked off) would spoil the
 * next one, so it is restarted on the same storage and the idle rooms are opened again.
 * @param {Context} ctx @param {string[]} idleRooms
 * @returns {Promise<number | null>} the CPU % that made us restart, or null
 */
export async function settle({ target, load, log }, idleRooms) {
  await sleep(500);
  const sampler = new Sampler({ server: () => [target.pid] });
  sampler.start();
  await sleep(2000);
  const busy = sampler.stop().server.cpuPercent;
  if (busy < 30) {
    return null;
  }
  log(`${target.name}: the server is still busy (${Math.round(busy)} % CPU) after the scenario: restarting it`);
  await load.call('closeGroup', { group: `idle-${target.name}` });
  await target.restart();
  await load.call('openIdle', { group: `idle-${target.name}`, endpoints: idleRooms.map((room) => target.endpoint(room, 'lead')) });
  return busy;
}

/**
 * One scenario: `editors` people and the probes type into one fresh section.
 * @param {Context} ctx @param {number} editors @param {number} rate
 */
export async function typingScenario({ target, load, probe, options, log }, editors, rate) {
  const [room] = await target.newRooms(1, `${editors} Personen, ${rate} Anschläge/s`);
  const paragraphs = Math.max(4, Math.ceil((editors + options.probes) / 10));
  await load.call('seed', { endpoint: target.endpoint(room, 'lead'), paragraphs });
  const plan = { rate, awareness: options.awareness, paragraphs };
  // The probes type at least at `probeRate`, for enough samples at slow typing rates.
  const probeRate = Math.max(rate, options.probeRate);
  await probe.call('startProbes', { ...plan, rate: probeRate, endpoints: range(options.probes).map((i) => target.endpoint(room, i)) });
  const group = `editors-${room}`;
  const connectStart = performance.now();
  await load.call('startEditors', { ...plan, group, endpoints: range(editors).map((i) => target.endpoint(room, i + options.probes)) }, 300_000);
  const connectMs = performance.now() - connectStart;
  log(`${target.name}: ${editors} editors at ${rate} keys/s connected in ${Math.round(connectMs)} ms; measuring ${options.duration} s`);
  await sleep(options.warmup * 1000);

  const sampler = new Sampler({
    server: () => [target.pid],
    db: () => (target.name === 'kapitel' ? helperPids(target.pid, target.databaseName) : []),
    loadgen: () => [/** @type {number} */ (load.child.pid)],
    probes: () => [/** @type {number} */ (probe.child.pid)],
  });
  await Promise.all([probe.call('markProbes'), load.call('markEditors', { group })]);
  sampler.start();
  const disk = options.diskProbe > 0 ? await startDiskProbe({ intervalMs: options.diskProbe }) : null;
  const started = performance.now();
  await sleep(options.duration * 1000);
  const usage = sampler.stop();
  const diskFlush = disk ? await disk.stop() : null;
  const typed = await load.call('stopEditors', { group });
  const seconds = (performance.now() - started) / 1000;
  const measured = await probe.call('stopProbes', { graceMs: 8000 });
  await sleep(1000); // what is still on the wire arrives

  const expected = [...typed.clocks, ...measured.clocks];
  const verify = () =>
    probe.call('verify', { endpoint: target.endpoint(room, 'lead'), expected }).catch((error) => {
      log(`${target.name}: durability check failed: ${error.message}`);
      return { error: error.message };
    });
  let durability;
  if (measured.missing > 0) {
    // Keystrokes still undelivered after the grace period: the server has a backlog, and a
    // newcomer would wait behind it.
    durability = { skipped: 'keystrokes were still undelivered' };
    await Promise.all([probe.call('closeProbes'), load.call('closeGroup', { group })]);
  } else if (target.persistent) {
    // Everybody leaves, the room unloads (flush + compaction), a newcomer loads it from PostgreSQL.
    await Promise.all([probe.call('closeProbes'), load.call('closeGroup', { group })]);
    await sleep(target.unloadWaitMs);
    durability = await verify();
  } else {
    // The bare relay forgets a room when its last client leaves: check while it is held.
    durability = await verify();
    await Promise.all([probe.call('closeProbes'), load.call('closeGroup', { group })]);
  }
  const latency = summarise(measured.samples);
  log(
    `${target.name}: p50 ${latency.p50.toFixed(1)} p99 ${latency.p99.toFixed(1)} ms (${latency.count} samples, ${measured.missing} missing), ` +
      `${Math.round(typed.keys / seconds)} keys/s, CPU: server ${usage.server.cpuPercent.toFixed(0)} %, db ${usage.db.cpuPercent.toFixed(0)} %, ` +
      `load gen ${usage.loadgen.cpuPercent.toFixed(0)} %, probes ${usage.probes.cpuPercent.toFixed(0)} %, other ${usage.other.cpuPercent.toFixed(0)} %` +
      (diskFlush ? `, disk flush p99 ${diskFlush.p99.toFixed(1)} max ${diskFlush.max.toFixed(1)} ms` : ''),
  );
  return {
    server: target.name,
    editors,
    rate,
    probes: options.probes,
    probeRate,
    connectMs,
    latency,
    // [ms into the window at which the key was pressed, latency ms], for looking at the time course
    samples: measured.samples.map((ms, i) => [Math.round(measured.times[i]), Math.round(ms * 10) / 10]),
    missingArrivals: measured.missing,
    probeDisconnects: measured.disconnects,
    lostConnections: typed.closed,
    closeCodes: typed.closeCodes,
    keysPerSecond: typed.keys / seconds,
    messagesPerEditorPerSecond: typed.received / editors / seconds,
    targetKeysPerSecond: editors * rate,
    usage,
    diskFlush,
    durability,
  };
}

/**
 * Stores a long section through the protocol; times newcomers: cold (room unloaded, loaded
 * from the database) and warm (room loaded) on Kapitel, from memory on the bare relay.
 * @param {Context} ctx
 */
export async function coldLoad({ target, probe, options, log }) {
  const [room] = await target.newRooms(1, `${options.pages} Seiten`);
  const endpoint = target.endpoint(room, 'lead');
  const stored = await probe.call('storeBook', { endpoint }, 180_000);
  const cold = [];
  const warm = [];
  if (target.persistent) {
    await probe.call('closeHeld');
    for (let run = 0; run < options.coldRuns; run++) {
      // The first unload also compacts the whole section: give it time beyond the unload delay.
      await sleep(target.unloadWaitMs + (run === 0 ? 4000 : 1000));
      cold.push((await probe.call('timeSync', { endpoint, keep: true })).ms);
      warm.push((await probe.call('timeSync', { endpoint })).ms);
      await probe.call('closeHeld');
    }
  } else {
    for (let run = 0; run < options.coldRuns; run++) {
      warm.push((await probe.call('timeSync', { endpoint })).ms);
    }
    await probe.call('closeHeld');
  }
  log(`${target.name}: ${options.pages} pages: cold ${cold.map((ms) => Math.round(ms)).join('/') || '–'} ms, warm ${warm.map((ms) => Math.round(ms)).join('/')} ms`);
  return {
    storedMs: stored.storedMs,
    coldMs: cold.length ? median(cold) : null,
    coldRuns: cold,
    warmMs: median(warm),
    warmRuns: warm,
  };
}
