import {
  LIMITS,
  type CreateVersionRequest,
  type SectionVersion,
  type VersionContentResponse,
  type VersionResponse,
} from '@kapitel/domain';
import { api, apiPath, type RequestOptions } from '../../../lib/api';

/** The most characters a version's label may have (the server's rule). */
export const VERSION_LABEL_MAX_LENGTH = LIMITS.versionLabelMaxLength;

const base = (projectId: string, sectionId: string): string =>
  apiPath`/projects/${projectId}/sections/${sectionId}/versions`;

/** The section's versions, newest first. */
export function listVersions(
  projectId: string,
  sectionId: string,
  options: RequestOptions = {},
): Promise<SectionVersion[]> {
  return api.get<SectionVersion[]>(base(projectId, sectionId), options);
}

/** Stores the section's text as it is now under `label`. */
export async function createVersion(
  projectId: string,
  sectionId: string,
  label: string,
): Promise<SectionVersion> {
  const request: CreateVersionRequest = { label };
  return (await api.post<VersionResponse>(base(projectId, sectionId), request)).version;
}

/** One version with its text: ProseMirror JSON, the server's HTML rendering and plain text. */
export function getVersion(
  projectId: string,
  sectionId: string,
  versionId: string,
  options: RequestOptions = {},
): Promise<VersionContentResponse> {
  return api.get<VersionContentResponse>(`${base(projectId, sectionId)}${apiPath`/${versionId}`}`, options);
}

/**
 * Replaces the section's text by the version's. Answers with the version the server stored
 * of the text as it was before; the new text reaches every editor through its live connection.
 */
export async function restoreVersion(
  projectId: string,
  sectionId: string,
  versionId: string,
): Promise<SectionVersion> {
  const path = `${base(projectId, sectionId)}${apiPath`/${versionId}/restore`}`;
  return (await api.post<VersionResponse>(path)).version;
}

/**
 * The section's text as the server stores it now (`GET …/content`, for every member, like
 * the versions), for a comparison with a version. Only the JSON and the plain text are used.
 */
export function getCurrentContent(
  projectId: string,
  sectionId: string,
  options: RequestOptions = {},
): Promise<{ json: unknown; text: string }> {
  return api.get<{ json: unknown; text: string }>(
    apiPath`/projects/${projectId}/sections/${sectionId}/content`,
    options,
  );
}
