import { ExportRenderError } from './errors.js';
import { spawnSync } from 'node:child_process';
import { getPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ExportWorker, RENDERER_NICENESS, type ExportWorkerOptions } from './export-worker.js';
import type { RenderedReport, ReportModel } from './model.js';

/** A report of `sections` sections with a few paragraphs each. */
function report(sections: number): ReportModel {
  const paragraph = (text: string): unknown => ({ type: 'paragraph', content: [{ type: 'text', text }] });
  return {
    mode: 'draft',
    language: 'de',
    title: 'Bericht zur digitalen Souveränität',
    subtitle: null,
    publisher: null,
    date: '2026-11-29',
    contributors: [],
    sections: Array.from({ length: sections }, (_, i) => ({
      number: String(i + 1),
      title: `Kapitel ${i + 1}`,
      depth: 1,
      state: 'draft' as const,
      content: { type: 'doc', content: Array.from({ length: 8 }, (__, p) => paragraph(`Absatz ${p} über offene Software in Kommunen. `.repeat(12))) },
    })),
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function eventually(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function pdfText({ pdf }: RenderedReport): string {
  return Buffer.from(pdf.subarray(0, 8)).toString('latin1');
}

describe('ExportWorker', () => {
  const workers: ExportWorker[] = [];
  const start = (options: Partial<ExportWorkerOptions> = {}): ExportWorker => {
    const worker = new ExportWorker({ timeoutMs: 60_000, ...options });
    workers.push(worker);
    return worker;
  };
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.close()));
  });

  it('renders in a child process and keeps it for the next job', async () => {
    const worker = start();
    expect(pdfText(await worker.render(report(1)))).toMatch(/^%PDF-/);
    const pid = worker.pid;
    expect(pid).not.toBeNull();
    expect(pid).not.toBe(process.pid);
    expect(pdfText(await worker.render(report(2)))).toMatch(/^%PDF-/);
    expect(worker.pid).toBe(pid);
  });

  it('runs the renderer at a lower priority than the server, so live editing gets the core first', async () => {
    const worker = start();
    await worker.render(report(1));
    expect(getPriority(worker.pid as number)).toBe(Math.min(19, getPriority(process.pid) + RENDERER_NICENESS));
  });

  it('ends a renderer that holds more memory than allowed after a job, and starts a new one for the next', async () => {
    const worker = start({ maxRssBytes: 1 });
    let first: number | null = null;
    await worker.render(report(1), () => {
      first ??= worker.pid;
    });
    expect(worker.pid).toBeNull();
    await eventually(() => first !== null && !alive(first), 'its process to be gone');
    expect(pdfText(await worker.render(report(1)))).toMatch(/^%PDF-/);
    expect(worker.pid).not.toBe(first);
  });

  it('ends a renderer that had no work for idleMs', async () => {
    const worker = start({ idleMs: 200 });
    await worker.render(report(1));
    const pid = worker.pid as number;
    expect(alive(pid)).toBe(true);
    await eventually(() => !alive(pid), 'the idle renderer to exit');
    expect(worker.pid).toBeNull();
  });

  it('fails only the job whose renderer crashed; the next job gets a new renderer', async () => {
    const worker = start();
    await worker.render(report(1));
    const job = worker.render(report(60));
    process.kill(worker.pid as number, 'SIGKILL');
    await expect(job).rejects.toThrow(/stopped unexpectedly/);
    await expect(job).rejects.toMatchObject({ code: 'RENDERER_CRASHED' });
    expect(pdfText(await worker.render(report(1)))).toMatch(/^%PDF-/);
  });

  it('stops a job that takes longer than timeoutMs with a clear error', async () => {
    const worker = start({ timeoutMs: 300 });
    const job = worker.render(report(150));
    await expect(job).rejects.toThrow(ExportRenderError);
    await expect(job).rejects.toThrow('The PDF took longer than 0.3 s to make and was stopped.');
    await expect(job).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(worker.pid).toBeNull();
  });

  it('refuses work after close()', async () => {
    const worker = start();
    await worker.close();
    await expect(worker.render(report(1))).rejects.toThrow('The server stopped before the PDF was made.');
  });

  it('finishes close() in a process that has nothing else to do (a shutdown), after ending its renderer', () => {
    // In a process of its own: there the renderer's exit is all that is left to wait for.
    const built = fileURLToPath(new URL('../dist/export-worker.js', import.meta.url));
    const script = `
      const { ExportWorker } = await import(${JSON.stringify(built)});
      const worker = new ExportWorker({ timeoutMs: 60000 });
      const model = ${JSON.stringify(report(1))};
      const { pdf } = await worker.render(model);
      const pid = worker.pid;
      await worker.close();
      let alive = true;
      try { process.kill(pid, 0); } catch { alive = false; }
      console.log(JSON.stringify({ bytes: pdf.length, rendererAlive: alive }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    // Exit code 13: the script's last await never settled.
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(run.stdout) as unknown).toEqual({ bytes: expect.any(Number) as unknown, rendererAlive: false });
  });
});
