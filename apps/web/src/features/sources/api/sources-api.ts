import type { Source, SourceInput, SourceResponse, SourcesResponse } from '@kapitel/domain';
import { api, apiPath, type RequestOptions } from '../../../lib/api';

/** The project's list of sources, in the bibliography's order (the server sorts). */
export async function listSources(projectId: string, options: RequestOptions = {}): Promise<Source[]> {
  const response = await api.get<SourcesResponse>(apiPath`/projects/${projectId}/sources`, options);
  return response.sources;
}

export async function createSource(projectId: string, input: SourceInput): Promise<Source> {
  const response = await api.post<SourceResponse>(apiPath`/projects/${projectId}/sources`, input);
  return response.source;
}

export async function updateSource(projectId: string, sourceId: string, input: SourceInput): Promise<Source> {
  const response = await api.patch<SourceResponse>(apiPath`/projects/${projectId}/sources/${sourceId}`, input);
  return response.source;
}

export async function removeSource(projectId: string, sourceId: string): Promise<void> {
  await api.delete(apiPath`/projects/${projectId}/sources/${sourceId}`);
}
