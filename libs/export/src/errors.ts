/** Why an export could not be rendered, in one sentence for the person who asked for it. */
export class ExportRenderError extends Error {
  override name = 'ExportRenderError';
}

/** Where a render is: the server turns these into the job's progress. */
export type RenderStage = 'prepared' | 'compiled';
