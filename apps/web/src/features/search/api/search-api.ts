import type { SearchResponse } from '@kapitel/domain';
import { api, apiPath, type RequestOptions } from '../../../lib/api';

/** The sections of the report whose title or current text contains `query`, in outline order, and the comments that do. */
export function searchReport(
  projectId: string,
  query: string,
  options: RequestOptions = {},
): Promise<SearchResponse> {
  const params = new URLSearchParams({ q: query });
  return api.get<SearchResponse>(`${apiPath`/projects/${projectId}/search`}?${params.toString()}`, options);
}
