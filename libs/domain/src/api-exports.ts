/** Request and response shapes of the export routes (../shared/API.md, "Export"). */

export const EXPORT_MODES = ['draft', 'final'] as const;
/** `draft`: everything, watermarked; `final`: the approved versions, only when every section is approved. */
export type ExportMode = (typeof EXPORT_MODES)[number];

export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/**
 * Why a job failed, for programs (the `error` sentence is for people):
 * `TYPESET_FAILED` Typst could not typeset or write the PDF; `TIMEOUT` it took longer than
 * the export timeout; `RENDERER_CRASHED` the renderer process died; `NOT_ALL_APPROVED` the
 * final export's re-check found a section that is not approved; `INTERRUPTED` the server
 * stopped while it ran, too often; `UNEXPECTED` anything else (the server log has details).
 */
export const EXPORT_ERROR_CODES = ['TYPESET_FAILED', 'TIMEOUT', 'RENDERER_CRASHED', 'NOT_ALL_APPROVED', 'INTERRUPTED', 'UNEXPECTED'] as const;
export type ExportErrorCode = (typeof EXPORT_ERROR_CODES)[number];

/**
 * The PDF/A level a final export reached: `pdf-a-2a` (archivable and accessible: tagged,
 * every image with alternative text or marked decorative), else `pdf-a-2b` (archivable;
 * images whose alternative text was never given keep it from level A).
 */
export const EXPORT_STANDARDS = ['pdf-a-2a', 'pdf-a-2b'] as const;
export type ExportStandard = (typeof EXPORT_STANDARDS)[number];

export interface CreateExportRequest {
  mode: ExportMode;
}

/** The answer to starting an export (202). */
export interface CreatedExport {
  id: string;
  status: ExportStatus;
}

/** An export job as `GET .../exports/:exportId` and the list show it. */
export interface ExportJob {
  id: string;
  mode: ExportMode;
  status: ExportStatus;
  /** 0..1 */
  progress: number;
  /** Why it failed, in one sentence; null unless `status` is `failed`. */
  error: string | null;
  /** Why it failed, as a stable code; null unless `status` is `failed`. */
  errorCode: ExportErrorCode | null;
  /** Who started it; null when that account is gone. */
  createdBy: string | null;
  /** The display name of who started it; null when that account is gone. */
  createdByName: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** Size of the PDF in bytes once done. */
  size: number | null;
  /** The file name the download carries, once done. */
  filename: string | null;
  /** The PDF/A level of a finished final export; null for drafts and unfinished jobs. */
  standard: ExportStandard | null;
  /** Images in the report whose alternative text was never given, once done; else null. */
  imagesWithoutAlt: number | null;
  /**
   * Cross-references (to sections or figures) whose target is not in the report, once done; else
   * null (also for exports made before this was recorded).
   */
  missingReferences: number | null;
}
