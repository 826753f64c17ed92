import type { RenderStage } from './errors.js';
import type { ReportModel } from './model.js';

/** What the server sends the export worker. */
export interface RenderRequest {
  id: number;
  model: ReportModel;
}

/** What the export worker answers: stages, then the PDF or why not. */
export type RenderReply =
  | { type: 'stage'; id: number; stage: RenderStage }
  | { type: 'done'; id: number; pdf: Uint8Array }
  | { type: 'failed'; id: number; message: string };
