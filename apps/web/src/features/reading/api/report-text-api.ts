import type { ReportTextResponse, ReportTextSection } from '@kapitel/domain';
import { api, apiPath, type RequestOptions } from '../../../lib/api';

/** The whole report as it stands: the live sections in reading order with their current texts. */
export async function getReportText(projectId: string, options: RequestOptions = {}): Promise<ReportTextSection[]> {
  return (await api.get<ReportTextResponse>(apiPath`/projects/${projectId}/text`, options)).sections;
}
