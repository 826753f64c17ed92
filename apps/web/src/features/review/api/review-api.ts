import type {
  Section,
  SectionDetailResponse,
  SectionResponse,
  Transition,
  TransitionRequest,
} from '@kapitel/domain';
import { api, apiPath, type RequestOptions } from '../../../lib/api';

/** A section with what the caller may do with it right now (`abilities`). */
export function getSection(
  projectId: string,
  sectionId: string,
  options: RequestOptions = {},
): Promise<SectionDetailResponse> {
  return api.get<SectionDetailResponse>(apiPath`/projects/${projectId}/sections/${sectionId}`, options);
}

export async function transitionSection(
  projectId: string,
  sectionId: string,
  request: TransitionRequest,
): Promise<Section> {
  const path = apiPath`/projects/${projectId}/sections/${sectionId}/transitions`;
  return (await api.post<SectionResponse>(path, request)).section;
}

/** The review history of a section, oldest step first. */
export function listTransitions(
  projectId: string,
  sectionId: string,
  options: RequestOptions = {},
): Promise<Transition[]> {
  return api.get<Transition[]>(apiPath`/projects/${projectId}/sections/${sectionId}/transitions`, options);
}
