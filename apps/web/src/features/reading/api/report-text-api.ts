import type { ReportTextResponse, ReportTextVersion } from '@kapitel/domain';
import { api, apiPath, type RequestOptions } from '../../../lib/api';

/**
 * The whole report: the live sections in reading order with their current texts, or
 * (`approved`) with their latest approval versions (null where there is none).
 */
export function getReportText(projectId: string, version: ReportTextVersion, options: RequestOptions = {}): Promise<ReportTextResponse> {
  const path = apiPath`/projects/${projectId}/text`;
  return api.get<ReportTextResponse>(version === 'current' ? path : `${path}?version=${version}`, options);
}
