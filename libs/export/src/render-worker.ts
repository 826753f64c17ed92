import { parentPort } from 'node:worker_threads';
import { ReportCompiler } from './compiler.js';
import { ExportRenderError } from './errors.js';
import type { RenderReply, RenderRequest } from './worker-protocol.js';

/**
 * The export worker thread (started by ExportWorker): holds the one long-lived Typst
 * compiler of the process and renders one report at a time, off the server's event loop.
 */
if (!parentPort) {
  throw new Error('render-worker.js runs as a worker thread (ExportWorker), not on its own');
}
const port = parentPort;
let compiler: ReportCompiler | null = null;

port.on('message', (request: RenderRequest) => {
  const reply = (message: RenderReply, transfer?: ArrayBuffer[]): void => port.postMessage(message, transfer);
  try {
    compiler ??= new ReportCompiler();
    const pdf = compiler.render(request.model, (stage) => reply({ type: 'stage', id: request.id, stage }));
    const copy = pdf.slice(); // its own ArrayBuffer, so it can be transferred instead of copied
    reply({ type: 'done', id: request.id, pdf: copy }, [copy.buffer]);
  } catch (error) {
    const message =
      error instanceof ExportRenderError ? error.message : `The PDF could not be made: ${error instanceof Error ? error.message : String(error)}`;
    reply({ type: 'failed', id: request.id, message });
  }
});
