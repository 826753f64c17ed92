import type {
  Abbreviation,
  AbbreviationInput,
  AbbreviationResponse,
  AbbreviationsResponse,
} from '@kapitel/domain';
import { api, apiPath, type RequestOptions } from '../../../lib/api';

/** The project's list of abbreviations, sorted by the server as the PDF prints it. */
export async function listAbbreviations(
  projectId: string,
  options: RequestOptions = {},
): Promise<Abbreviation[]> {
  const response = await api.get<AbbreviationsResponse>(
    apiPath`/projects/${projectId}/abbreviations`,
    options,
  );
  return response.abbreviations;
}

export async function createAbbreviation(projectId: string, input: AbbreviationInput): Promise<Abbreviation> {
  const response = await api.post<AbbreviationResponse>(apiPath`/projects/${projectId}/abbreviations`, input);
  return response.abbreviation;
}

export async function updateAbbreviation(
  projectId: string,
  abbreviationId: string,
  input: AbbreviationInput,
): Promise<Abbreviation> {
  const response = await api.patch<AbbreviationResponse>(
    apiPath`/projects/${projectId}/abbreviations/${abbreviationId}`,
    input,
  );
  return response.abbreviation;
}

export async function removeAbbreviation(projectId: string, abbreviationId: string): Promise<void> {
  await api.delete(apiPath`/projects/${projectId}/abbreviations/${abbreviationId}`);
}
