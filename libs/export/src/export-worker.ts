import { fork, type ChildProcess } from 'node:child_process';
import { getPriority, setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ExportRenderError, type RenderStage } from './errors.js';
import type { RenderedReport, ReportModel } from './model.js';
import type { RenderReply, RenderRequest } from './worker-protocol.js';

/**
 * The renderer's script. From the built package it sits beside this file; when this file
 * runs from its TypeScript source (the tests), the built one in dist/ is used: the child is
 * plain Node and loads JavaScript (`npm test` builds first).
 */
export function renderProcessPath(): string {
  const here = import.meta.url;
  return fileURLToPath(here.endsWith('.ts') ? new URL('../dist/render-process.js', here) : new URL('./render-process.js', here));
}

export interface ExportWorkerOptions {
  /** A job running longer ends the renderer and fails. */
  timeoutMs: number;
  /** A renderer holding more memory than this after a job is ended; the next job starts a new one. */
  maxRssBytes?: number;
  /** A renderer without work this long is ended, giving its memory back. */
  idleMs?: number;
}

const DEFAULT_MAX_RSS_BYTES = 384 * 1024 * 1024;
const DEFAULT_IDLE_MS = 60_000;
/** How much nicer than the server the renderer runs, so that on a busy host live editing gets the core first. */
export const RENDERER_NICENESS = 10;

interface Pending {
  id: number;
  resolve(rendered: RenderedReport): void;
  reject(error: Error): void;
  onStage(stage: RenderStage): void;
  timer: NodeJS.Timeout;
}

/**
 * Renders reports in a child process that keeps its Typst compiler between jobs, one job at
 * a time. A process, not a worker thread: Typst's native memory grows with each distinct
 * report and is only given back when the process ends, so the renderer is ended when it
 * holds more than `maxRssBytes` after a job, or after `idleMs` without work. A job running
 * longer than `timeoutMs` ends it too; so does a crash, which fails only the job it was in.
 */
export class ExportWorker {
  private child: ChildProcess | null = null;
  private pending: Pending | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private nextId = 1;
  /** After close() no renderer starts again (a job that was being prepared must not restart one). */
  private closed = false;
  private readonly maxRssBytes: number;
  private readonly idleMs: number;

  constructor(private readonly options: ExportWorkerOptions) {
    this.maxRssBytes = options.maxRssBytes ?? DEFAULT_MAX_RSS_BYTES;
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  }

  get busy(): boolean {
    return this.pending !== null;
  }

  /** The renderer's process id while one runs (for tests and the benchmark). */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  render(model: ReportModel, onStage: (stage: RenderStage) => void = () => undefined): Promise<RenderedReport> {
    if (this.closed) {
      return Promise.reject(new ExportRenderError('The server stopped before the PDF was made.', 'INTERRUPTED'));
    }
    if (this.pending) {
      return Promise.reject(new Error('ExportWorker renders one report at a time'));
    }
    this.clearIdle();
    const child = this.start();
    const id = this.nextId++;
    return new Promise<RenderedReport>((resolve, reject) => {
      const timer = setTimeout(() => {
        const ms = this.options.timeoutMs;
        const seconds = ms >= 10_000 ? Math.round(ms / 1000) : Number((ms / 1000).toFixed(1));
        void this.fail(new ExportRenderError(`The PDF took longer than ${seconds} s to make and was stopped.`, 'TIMEOUT'));
      }, this.options.timeoutMs);
      this.pending = { id, resolve, reject, onStage, timer };
      const request: RenderRequest = { id, model };
      child.send(request);
    });
  }

  /** Ends the renderer; a job still running fails. */
  async close(): Promise<void> {
    this.closed = true;
    this.clearIdle();
    await this.fail(new ExportRenderError('The server stopped while the PDF was being made.', 'INTERRUPTED'));
  }

  private start(): ChildProcess {
    if (this.child) {
      return this.child;
    }
    const child = fork(renderProcessPath(), [], {
      serialization: 'advanced', // the model and the PDF bytes as structured clones
      execArgv: [], // not the parent's flags (a test runner's or an inspector's)
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (reply: RenderReply) => this.receive(reply));
    child.on('error', (error) => {
      if (this.child === child) {
        void this.fail(new ExportRenderError(`The export renderer failed: ${error.message}`, 'RENDERER_CRASHED'));
      }
    });
    child.on('exit', (code, signal) => {
      if (this.child === child) {
        this.child = null;
        void this.fail(
          new ExportRenderError(`The export renderer stopped unexpectedly (${signal ?? `exit code ${code}`}).`, 'RENDERER_CRASHED'),
        );
      }
    });
    lowerPriority(child);
    // Idle, it must not keep the server's event loop alive; a job's timer does meanwhile.
    child.unref();
    child.channel?.unref();
    this.child = child;
    return child;
  }

  private receive(reply: RenderReply): void {
    const pending = this.pending;
    if (!pending || pending.id !== reply.id) {
      return; // a reply to a job that already timed out
    }
    switch (reply.type) {
      case 'stage':
        pending.onStage(reply.stage);
        return;
      case 'done':
        this.settle();
        this.keepOrEnd(reply.rssBytes);
        pending.resolve({
          pdf: reply.pdf,
          standard: reply.standard,
          imagesWithoutAlt: reply.imagesWithoutAlt,
          missingReferences: reply.missingReferences,
        });
        return;
      case 'failed':
        this.settle();
        this.keepOrEnd(reply.rssBytes);
        pending.reject(new ExportRenderError(reply.message, reply.code));
        return;
    }
  }

  private settle(): void {
    if (this.pending) {
      clearTimeout(this.pending.timer);
      this.pending = null;
    }
  }

  /** A job is over: keep the renderer for the next one, unless it holds too much memory. */
  private keepOrEnd(rssBytes: number): void {
    if (rssBytes > this.maxRssBytes) {
      void this.end();
      return;
    }
    this.clearIdle();
    this.idleTimer = setTimeout(() => void this.end(), this.idleMs);
    this.idleTimer.unref();
  }

  /** Fails the running job (if any) and ends the renderer, which may be stuck in it. */
  private async fail(error: Error): Promise<void> {
    const pending = this.pending;
    this.settle();
    pending?.reject(error);
    await this.end();
  }

  /** Ends the renderer and waits until it has exited. */
  private async end(): Promise<void> {
    const child = this.child;
    this.child = null;
    this.clearIdle();
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // Held until it has exited: unreferenced, a process with nothing else to do would end
    // first and leave whoever awaits this (a shutdown) hanging.
    child.ref();
    child.kill('SIGKILL');
    await exited;
  }

  private clearIdle(): void {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
  }
}

/**
 * A compile keeps a core busy for seconds. On a host with few cores the server's event loop
 * (HTTP, live editing) must not wait behind it, so the renderer runs at a lower priority.
 * Where the system refuses, it simply keeps the server's.
 */
function lowerPriority(child: ChildProcess): void {
  if (child.pid === undefined) {
    return;
  }
  try {
    setPriority(child.pid, Math.min(19, getPriority() + RENDERER_NICENESS));
  } catch {
    // Not allowed here (some containers): the export still works, at normal priority.
  }
}
