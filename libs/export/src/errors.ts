import type { ExportErrorCode } from '@kapitel/domain';

/**
 * Why an export could not be rendered, in one sentence for the person who asked for it,
 * and as a code for programs (stored beside the sentence; none means `UNEXPECTED`).
 */
export class ExportRenderError extends Error {
  override name = 'ExportRenderError';

  constructor(
    message: string,
    readonly code?: ExportErrorCode,
  ) {
    super(message);
  }
}

/** Where a render is: the server turns these into the job's progress. */
export type RenderStage = 'prepared' | 'compiled';
