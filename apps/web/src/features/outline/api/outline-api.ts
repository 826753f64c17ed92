import type {
  CreateSectionRequest,
  Dashboard,
  MoveSectionRequest,
  OutlineNode,
  OutlineResponse,
  Section,
  SectionReference,
  SectionReferencesResponse,
  SectionResponse,
  TrashedSection,
  UpdateSectionRequest,
  WordCountsResponse,
} from '@kapitel/domain';
import { api, apiPath, type RequestOptions } from '../../../lib/api';

export async function getOutline(projectId: string, options: RequestOptions = {}): Promise<OutlineNode[]> {
  return (await api.get<OutlineResponse>(apiPath`/projects/${projectId}/outline`, options)).sections;
}

/** The sections whose texts refer to this one through cross-references. */
export async function getReferences(projectId: string, sectionId: string, options: RequestOptions = {}): Promise<SectionReference[]> {
  return (await api.get<SectionReferencesResponse>(apiPath`/projects/${projectId}/sections/${sectionId}/references`, options)).references;
}

export function getDashboard(projectId: string, options: RequestOptions = {}): Promise<Dashboard> {
  return api.get<Dashboard>(apiPath`/projects/${projectId}/dashboard`, options);
}

/** The words of every live section's current text (docs/outline.md, "Length"). */
export async function listWordCounts(projectId: string, options: RequestOptions = {}): Promise<WordCountsResponse['counts']> {
  return (await api.get<WordCountsResponse>(apiPath`/projects/${projectId}/word-counts`, options)).counts;
}

export async function createSection(projectId: string, request: CreateSectionRequest): Promise<Section> {
  return (await api.post<SectionResponse>(apiPath`/projects/${projectId}/sections`, request)).section;
}

export async function updateSection(
  projectId: string,
  sectionId: string,
  request: UpdateSectionRequest,
): Promise<Section> {
  return (await api.patch<SectionResponse>(apiPath`/projects/${projectId}/sections/${sectionId}`, request))
    .section;
}

export async function moveSection(
  projectId: string,
  sectionId: string,
  request: MoveSectionRequest,
): Promise<Section> {
  const path = apiPath`/projects/${projectId}/sections/${sectionId}/move`;
  return (await api.post<SectionResponse>(path, request)).section;
}

/** Fills an empty section with a text (ProseMirror JSON; docs/import.md); 409 when it has text. */
export async function fillSection(projectId: string, sectionId: string, json: object): Promise<void> {
  await api.post(apiPath`/projects/${projectId}/sections/${sectionId}/content`, { json });
}

/** Moves the section and its sub-sections to the trash. */
export async function deleteSection(projectId: string, sectionId: string): Promise<void> {
  await api.delete(apiPath`/projects/${projectId}/sections/${sectionId}`);
}

/** Deleted sections (the roots of what was deleted); leads only. */
export function listTrash(projectId: string, options: RequestOptions = {}): Promise<TrashedSection[]> {
  return api.get<TrashedSection[]>(apiPath`/projects/${projectId}/trash`, options);
}

export async function restoreSection(projectId: string, sectionId: string): Promise<Section> {
  const path = apiPath`/projects/${projectId}/sections/${sectionId}/restore`;
  return (await api.post<SectionResponse>(path)).section;
}
