import type { ExportErrorCode } from '@kapitel/domain';
import type { RenderStage } from './errors.js';
import type { RenderedReport, ReportModel } from './model.js';

/** What the server sends the renderer process. */
export interface RenderRequest {
  id: number;
  model: ReportModel;
}

/** What the renderer answers: stages, then the PDF or why not, with the memory it now holds. */
export type RenderReply =
  | { type: 'stage'; id: number; stage: RenderStage }
  | ({ type: 'done'; id: number; rssBytes: number } & RenderedReport)
  | { type: 'failed'; id: number; message: string; code?: ExportErrorCode; rssBytes: number };
