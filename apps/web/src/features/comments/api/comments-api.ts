import type {
  CommentAnchor,
  CommentCountsResponse,
  CommentListResponse,
  CommentResponse,
  CommentStatus,
  CommentThread,
  CreateCommentRequest,
  SectionComment,
  SectionCommentCount,
  UpdateCommentRequest,
} from '@kapitel/domain';
import { api, apiPath, type RequestOptions } from '../../../lib/api';

const base = (projectId: string, sectionId: string): string =>
  apiPath`/projects/${projectId}/sections/${sectionId}/comments`;

/** The section's threads with their replies, oldest first. */
export async function listThreads(
  projectId: string,
  sectionId: string,
  status: CommentStatus = 'all',
  options: RequestOptions = {},
): Promise<CommentThread[]> {
  const path = `${base(projectId, sectionId)}?status=${encodeURIComponent(status)}`;
  return (await api.get<CommentListResponse>(path, options)).threads;
}

/** Open and resolved threads of every live section of the project (0s included), in one request. */
export async function listCommentCounts(
  projectId: string,
  options: RequestOptions = {},
): Promise<SectionCommentCount[]> {
  return (await api.get<CommentCountsResponse>(apiPath`/projects/${projectId}/comment-counts`, options)).counts;
}

/** A new thread (with or without an anchor), or with `parentId` a reply. */
export async function createComment(
  projectId: string,
  sectionId: string,
  request: CreateCommentRequest,
): Promise<SectionComment> {
  return (await api.post<CommentResponse>(base(projectId, sectionId), request)).comment;
}

export async function updateComment(
  projectId: string,
  sectionId: string,
  commentId: string,
  body: string,
): Promise<SectionComment> {
  const request: UpdateCommentRequest = { body };
  const path = `${base(projectId, sectionId)}${apiPath`/${commentId}`}`;
  return (await api.patch<CommentResponse>(path, request)).comment;
}

/** Resolves (`true`) or reopens (`false`) the thread whose root this is. */
export async function setThreadResolved(
  projectId: string,
  sectionId: string,
  commentId: string,
  resolved: boolean,
): Promise<SectionComment> {
  const path = `${base(projectId, sectionId)}${apiPath`/${commentId}`}/${resolved ? 'resolve' : 'reopen'}`;
  return (await api.post<CommentResponse>(path)).comment;
}

/** Puts the thread's suggested change into the text and resolves the thread. */
export async function acceptSuggestion(projectId: string, sectionId: string, commentId: string): Promise<SectionComment> {
  return (await api.post<CommentResponse>(`${base(projectId, sectionId)}${apiPath`/${commentId}`}/accept`)).comment;
}

/** Deletes a comment; a thread's root takes its replies with it. */
export async function deleteComment(projectId: string, sectionId: string, commentId: string): Promise<void> {
  await api.delete(`${base(projectId, sectionId)}${apiPath`/${commentId}`}`);
}

/** Points a thread at its passage again, after an undo here brought back its deleted text. */
export async function moveAnchor(projectId: string, sectionId: string, commentId: string, anchor: CommentAnchor): Promise<SectionComment> {
  return (await api.post<CommentResponse>(`${base(projectId, sectionId)}${apiPath`/${commentId}`}/anchor`, { anchor })).comment;
}
