import type { ReportFigure, ReportFiguresResponse } from '@kapitel/domain';
import { api, apiPath, type RequestOptions } from '../../../lib/api';

/** The report's numbered figures and tables, as the PDF numbers them (what a reference to a figure can point to). */
export async function getReportFigures(projectId: string, options: RequestOptions = {}): Promise<ReportFigure[]> {
  return (await api.get<ReportFiguresResponse>(apiPath`/projects/${projectId}/figures`, options)).figures;
}
