import type {
  CommentCountsResponse,
  NoObjectionsRequest,
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

/** The reviewer's "checked, no objections"; the section stays in review. */
export async function recordNoObjections(
  projectId: string,
  sectionId: string,
  request: NoObjectionsRequest,
): Promise<Section> {
  const path = apiPath`/projects/${projectId}/sections/${sectionId}/no-objections`;
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

/** What makes an approval look like a mistake: open comment threads, no text at all, a review not done. */
export interface ApprovalConcerns {
  openThreads: number;
  hasText: boolean;
  /**
   * The section has a reviewer other than the one approving, who has not said "Keine Einwände"
   * in this round: approving now skips their check.
   */
  reviewerPending: boolean;
}

/**
 * The facts behind "really approve?", as the server has them at the moment of the click:
 * the open threads it counts for the outline, the text it stores and the round's "no
 * objections". Asked afresh each time rather than taken from the page, which may have been
 * open since before the last comment. `userId`: who approves.
 */
export async function approvalConcerns(projectId: string, sectionId: string, userId: string | undefined): Promise<ApprovalConcerns> {
  const [counts, content, detail] = await Promise.all([
    api.get<CommentCountsResponse>(apiPath`/projects/${projectId}/comment-counts`),
    api.get<{ text: string }>(apiPath`/projects/${projectId}/sections/${sectionId}/content`),
    getSection(projectId, sectionId),
  ]);
  const openThreads = counts.counts.find((count) => count.sectionId === sectionId)?.open ?? 0;
  const { reviewerId, noObjections } = detail.section;
  const reviewerPending =
    reviewerId !== null && reviewerId !== userId && !noObjections.some((verdict) => verdict.actorId === reviewerId);
  return { openThreads, hasText: content.text.trim() !== '', reviewerPending };
}
