import type { SectionContent } from '@kapitel/editor';
import { Inject, Injectable, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** What the server sends the content thread: the stored snapshot (if any) and a newer state. */
export interface ContentRequest {
  id: number;
  previous: Uint8Array | null;
  state: Uint8Array;
}

/** What the content thread answers: the merged state and its content, or why not. */
export type ContentReply =
  | { id: number; merged: Uint8Array; json: SectionContent['json']; text: string }
  | { id: number; merged: Uint8Array; renderError: string }
  | { id: number; error: string };

/** A merged state and its JSON and text; content is null (and renderError says why) when the state does not fit the schema. */
export interface MergedContent {
  merged: Uint8Array;
  content: Pick<SectionContent, 'json' | 'text'> | null;
  renderError?: string;
}

export interface ContentRendererOptions {
  /** A request taking longer stops the thread (it may be stuck) and fails. */
  timeoutMs?: number;
}

/** Optional options of ContentRenderer, for a module that wants another timeout. */
export const CONTENT_RENDERER_OPTIONS = Symbol('ContentRendererOptions');

/** Far beyond a 300-page section (about 1 MB of state), which takes well under a second. */
const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * The thread's script. From the built server it sits beside this file; when this file runs
 * from its TypeScript source (the tests), the built one in dist/ is used: the thread is plain
 * Node and loads JavaScript (`npm test` builds first).
 */
export function contentThreadPath(): string {
  const here = import.meta.url;
  return fileURLToPath(
    here.endsWith('.ts') ? new URL('../../../dist/modules/documents/content-thread.js', here) : new URL('./content-thread.js', here),
  );
}

interface Pending {
  resolve(result: MergedContent): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * Merges and renders section states in a worker thread, so that compacting a large section
 * does not stall the event loop (and with it every live room of the process). One thread,
 * started on first use and kept; requests queue in it and are matched to replies by id.
 * When the thread fails, exits or takes longer than `timeoutMs`, every request waiting on
 * it fails and the next one starts a new thread.
 */
@Injectable()
export class ContentRenderer implements OnApplicationShutdown {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** After shutdown no thread starts again. */
  private closed = false;
  private readonly timeoutMs: number;

  constructor(@Optional() @Inject(CONTENT_RENDERER_OPTIONS) options: ContentRendererOptions | null = null) {
    this.timeoutMs = options?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** The running thread, if any (for tests). */
  get thread(): Worker | null {
    return this.worker;
  }

  /**
   * `previous` merged with `state` (or `state` alone), and the result's JSON and text.
   * Rejects when the bytes are not Yjs updates, or the thread failed or timed out (the time
   * counts from the call, waiting behind other requests included).
   */
  mergeAndRender(previous: Uint8Array | null, state: Uint8Array): Promise<MergedContent> {
    if (this.closed) {
      return Promise.reject(new Error('The content renderer has shut down'));
    }
    const worker = this.start();
    const id = this.nextId++;
    // Copies, moved to the thread rather than cloned: the caller's bytes stay usable (moving
    // them would empty them), and a Buffer read from the database may be a view into a larger
    // one, which a clone would copy whole.
    const copies = { previous: previous ? new Uint8Array(previous) : null, state: new Uint8Array(state) };
    const request: ContentRequest = { id, ...copies };
    const transfer = copies.previous ? [copies.previous.buffer, copies.state.buffer] : [copies.state.buffer];
    return new Promise<MergedContent>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.stop(worker, new Error(`Merging and rendering a section took longer than ${this.timeoutMs} ms; the content thread was stopped`));
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage(request, transfer);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    if (worker) {
      this.stop(worker, new Error('The server stopped while a section was being rendered'));
      await worker.terminate();
    }
  }

  private start(): Worker {
    if (this.worker) {
      return this.worker;
    }
    // Not the parent's flags: some (a test runner's, --max-old-space-size) are refused in a thread.
    const worker = new Worker(contentThreadPath(), { execArgv: [] });
    worker.on('message', (reply: ContentReply) => this.receive(reply));
    worker.on('error', (error) => this.stop(worker, new Error(`The content thread failed: ${error.message}`)));
    worker.on('messageerror', (error) => this.stop(worker, new Error(`A reply of the content thread could not be read: ${error.message}`)));
    worker.on('exit', (code) => this.stop(worker, new Error(`The content thread stopped unexpectedly (exit code ${code})`)));
    // Idle, it must not keep the process alive; a request's timer does meanwhile.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private receive(reply: ContentReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) {
      return; // already failed
    }
    this.pending.delete(reply.id);
    clearTimeout(pending.timer);
    if ('error' in reply) {
      pending.reject(new Error(`A section state could not be merged: ${reply.error}`));
    } else if ('renderError' in reply) {
      pending.resolve({ merged: reply.merged, content: null, renderError: reply.renderError });
    } else {
      pending.resolve({ merged: reply.merged, content: { json: reply.json, text: reply.text } });
    }
  }

  /** Ends the thread (it may be stuck) and fails every request waiting on it. No-op for a thread already replaced. */
  private stop(worker: Worker, error: Error): void {
    if (this.worker !== worker) {
      return;
    }
    this.worker = null;
    void worker.terminate();
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.pending.clear();
  }
}
