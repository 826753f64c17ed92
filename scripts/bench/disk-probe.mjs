// Times what a commit waits for: writing one small page to a file and flushing it to the disk
// (fdatasync), a few times a second while a round is measured. Kapitel relays a keystroke only
// after PostgreSQL has flushed it; the bare relay never writes. When the disk stalls, this shows
// it beside the latency it caused (see docs/benchmarks.md).
import { mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from './cleanup.mjs';
import { summarise } from './stats.mjs';

const PAGE = Buffer.alloc(4096, 7);
/** Pages the file cycles through, like a WAL segment being filled and reused. */
const PAGES = 256;

let folder = '';

/** The probe's folder, on the disk of the temporary folder (the database's too, when it runs locally). */
function probeFolder() {
  if (!folder) {
    folder = mkdtempSync(join(tmpdir(), 'kapitel-bench-disk-'));
    onCleanup('disk probe folder', () => rmSync(folder, { recursive: true, force: true }));
  }
  return folder;
}

/**
 * Starts flushing one page every `intervalMs`; `stop()` resolves to the flush times' summary
 * (ms: p50, p95, p99, max, count).
 * @param {{ intervalMs?: number }} [options]
 */
export async function startDiskProbe({ intervalMs = 50 } = {}) {
  const file = await open(join(probeFolder(), 'flush.bin'), 'w');
  // Written whole first: later flushes then overwrite, as PostgreSQL overwrites a reused WAL
  // segment, and need not record a new file size.
  await file.write(Buffer.alloc(PAGES * PAGE.length), 0, PAGES * PAGE.length, 0);
  await file.datasync();
  /** @type {number[]} */
  const times = [];
  let running = true;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const started = performance.now();
      await file.write(PAGE, 0, PAGE.length, (i % PAGES) * PAGE.length);
      await file.datasync();
      times.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await file.close();
      return summarise(times);
    },
  };
}
