import type { Source, SourceCitationsResponse, SourceImportResponse, SourceInput, SourceResponse, SourcesResponse } from '@kapitel/domain';
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

/** The sections citing the source ("2.1 Kosten"), in reading order: while there are any, it cannot be deleted. */
export async function sourceCitations(projectId: string, sourceId: string): Promise<string[]> {
  const response = await api.get<SourceCitationsResponse>(apiPath`/projects/${projectId}/sources/${sourceId}/citations`);
  return response.sections;
}

export async function removeSource(projectId: string, sourceId: string): Promise<void> {
  await api.delete(apiPath`/projects/${projectId}/sources/${sourceId}`);
}

/** Adds the entries of a BibTeX or RIS file's text; the answer says what was added and skipped. */
export async function importSources(projectId: string, text: string): Promise<SourceImportResponse> {
  return api.post<SourceImportResponse>(apiPath`/projects/${projectId}/sources/import`, { text });
}
