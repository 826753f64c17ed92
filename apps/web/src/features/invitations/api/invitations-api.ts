import type {
  AcceptInvitationResponse,
  CreatedInvitation,
  CreateInvitationRequest,
  Invitation,
  InvitationPreview,
} from '@kapitel/domain';
import { api, apiPath, type RequestOptions } from '../../../lib/api';

export function createInvitation(
  projectId: string,
  request: CreateInvitationRequest,
): Promise<CreatedInvitation> {
  return api.post<CreatedInvitation>(apiPath`/projects/${projectId}/invitations`, request);
}

/** Open (not accepted, revoked or expired) invitations of a project; leads only. */
export function listInvitations(projectId: string, options: RequestOptions = {}): Promise<Invitation[]> {
  return api.get<Invitation[]>(apiPath`/projects/${projectId}/invitations`, options);
}

export async function revokeInvitation(projectId: string, invitationId: string): Promise<void> {
  await api.delete(apiPath`/projects/${projectId}/invitations/${invitationId}`);
}

export function acceptInvitation(token: string): Promise<AcceptInvitationResponse> {
  return api.post<AcceptInvitationResponse>(apiPath`/invitations/${token}/accept`);
}

/** What an open invitation link offers, for anyone holding it (signed in or not). */
export function getInvitationPreview(
  token: string,
  options: RequestOptions = {},
): Promise<InvitationPreview> {
  return api.get<InvitationPreview>(apiPath`/invitations/${token}`, options);
}

/** A new link for an open or expired invitation; the old link stops working. Leads only. */
export function renewInvitation(projectId: string, invitationId: string): Promise<CreatedInvitation> {
  return api.post<CreatedInvitation>(apiPath`/projects/${projectId}/invitations/${invitationId}/renew`);
}
