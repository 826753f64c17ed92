import { Worker } from 'node:worker_threads';
import { ExportRenderError, type RenderStage } from './errors.js';
import type { ReportModel } from './model.js';
import type { RenderReply, RenderRequest } from './worker-protocol.js';

/**
 * The worker's script. From the built package it sits beside this file; when this file runs
 * from its TypeScript source (the tests), the built one in dist/ is used: a worker thread
 * loads plain JavaScript (`npm test` builds first).
 */
export function renderWorkerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../dist/render-worker.js', here) : new URL('./render-worker.js', here);
}

interface Pending {
  id: number;
  resolve(pdf: Uint8Array): void;
  reject(error: Error): void;
  onStage(stage: RenderStage): void;
  timer: NodeJS.Timeout;
}

/**
 * Renders reports in one worker thread that keeps the Typst compiler between jobs, one job
 * at a time. A job that runs longer than `timeoutMs` ends the worker (the next job starts a
 * new one); so does a crash, which fails only the job it happened in.
 */
export class ExportWorker {
  private worker: Worker | null = null;
  private pending: Pending | null = null;
  private nextId = 1;
  /** After close() no worker starts again (a job that was being prepared must not restart one). */
  private closed = false;

  constructor(private readonly options: { timeoutMs: number }) {}

  get busy(): boolean {
    return this.pending !== null;
  }

  render(model: ReportModel, onStage: (stage: RenderStage) => void = () => undefined): Promise<Uint8Array> {
    if (this.closed) {
      return Promise.reject(new ExportRenderError('The server stopped before the PDF was made.'));
    }
    if (this.pending) {
      return Promise.reject(new Error('ExportWorker renders one report at a time'));
    }
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<Uint8Array>((resolve, reject) => {
      const timer = setTimeout(() => {
        const seconds = Math.round(this.options.timeoutMs / 1000);
        void this.fail(new ExportRenderError(`The PDF took longer than ${seconds} s to make and was stopped.`));
      }, this.options.timeoutMs);
      this.pending = { id, resolve, reject, onStage, timer };
      const request: RenderRequest = { id, model };
      worker.postMessage(request);
    });
  }

  /** Ends the worker; a job still running fails. */
  async close(): Promise<void> {
    this.closed = true;
    await this.fail(new ExportRenderError('The server stopped while the PDF was being made.'));
  }

  private start(): Worker {
    if (this.worker) {
      return this.worker;
    }
    const worker = new Worker(renderWorkerUrl());
    worker.unref();
    worker.on('message', (reply: RenderReply) => this.receive(reply));
    worker.on('error', (error) => {
      if (this.worker === worker) {
        void this.fail(new ExportRenderError(`The export worker failed: ${error.message}`));
      }
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) {
        this.worker = null;
        void this.fail(new ExportRenderError(`The export worker stopped unexpectedly (exit code ${code}).`));
      }
    });
    this.worker = worker;
    return worker;
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
        pending.resolve(reply.pdf);
        return;
      case 'failed':
        this.settle();
        pending.reject(new ExportRenderError(reply.message));
        return;
    }
  }

  private settle(): void {
    if (this.pending) {
      clearTimeout(this.pending.timer);
      this.pending = null;
    }
  }

  /** Fails the running job (if any) and ends the worker, which may be stuck in it. */
  private async fail(error: Error): Promise<void> {
    const pending = this.pending;
    this.settle();
    const worker = this.worker;
    this.worker = null;
    pending?.reject(error);
    if (worker) {
      await worker.terminate();
    }
  }
}
