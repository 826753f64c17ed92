import { ReportCompiler } from './compiler.js';
import { ExportRenderError } from './errors.js';
import type { RenderReply, RenderRequest } from './worker-protocol.js';

/**
 * The renderer process (started by ExportWorker with `fork`): holds one Typst compiler and
 * renders one report at a time, off the server's event loop and out of its memory. Typst's
 * native memory grows with every distinct report compiled and is not given back while the
 * process lives; ending this process is what gives it back.
 */
if (!process.send) {
  throw new Error('render-process.js runs as a child process of ExportWorker, not on its own');
}
const send = process.send.bind(process) as (message: RenderReply) => boolean;
let compiler: ReportCompiler | null = null;

process.on('message', (request: RenderRequest) => {
  try {
    compiler ??= new ReportCompiler();
    const rendered = compiler.render(request.model, (stage) => send({ type: 'stage', id: request.id, stage }));
    send({ type: 'done', id: request.id, ...rendered, rssBytes: process.memoryUsage.rss() });
  } catch (error) {
    const known = error instanceof ExportRenderError;
    const message = known ? error.message : `The PDF could not be made: ${error instanceof Error ? error.message : String(error)}`;
    const code = known ? error.code : 'UNEXPECTED';
    send({ type: 'failed', id: request.id, message, ...(code ? { code } : {}), rssBytes: process.memoryUsage.rss() });
  }
});

// The server went away (or ended this process on purpose): nothing is left to do.
process.on('disconnect', () => process.exit(0));
