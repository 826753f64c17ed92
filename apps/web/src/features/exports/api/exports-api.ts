import type { CreatedExport, CreateExportRequest, ExportJob, ExportMode } from '@kapitel/domain';
import { api, apiPath, type RequestOptions } from '../../../lib/api';

/** Queues an export; follow it with `getExport`. */
export function startExport(projectId: string, mode: ExportMode): Promise<CreatedExport> {
  const request: CreateExportRequest = { mode };
  return api.post<CreatedExport>(apiPath`/projects/${projectId}/exports`, request);
}

/** The project's newest exports, newest first. */
export function listExports(projectId: string, options: RequestOptions = {}): Promise<ExportJob[]> {
  return api.get<ExportJob[]>(apiPath`/projects/${projectId}/exports`, options);
}

export function getExport(
  projectId: string,
  exportId: string,
  options: RequestOptions = {},
): Promise<ExportJob> {
  return api.get<ExportJob>(apiPath`/projects/${projectId}/exports/${exportId}`, options);
}

/** Where the finished PDF downloads from (same origin: the session cookie goes along). */
/** The report as an OpenDocument text, made when the link is followed (docs/export.md, "ODT"). */
export function odtUrl(projectId: string, mode: ExportMode): string {
  return `/api${apiPath`/projects/${projectId}/odt`}?mode=${mode}`;
}

export function exportFileUrl(projectId: string, exportId: string): string {
  return `/api${apiPath`/projects/${projectId}/exports/${exportId}/file`}`;
}
