import type { Member, Role, UpdateMemberRequest } from '@kapitel/domain';
import { api, apiPath, type RequestOptions } from '../../../lib/api';

export function listMembers(projectId: string, options: RequestOptions = {}): Promise<Member[]> {
  return api.get<Member[]>(apiPath`/projects/${projectId}/members`, options);
}

export async function changeMemberRole(projectId: string, userId: string, role: Role): Promise<void> {
  const body: UpdateMemberRequest = { role };
  await api.patch<unknown>(apiPath`/projects/${projectId}/members/${userId}`, body);
}

export async function removeMember(projectId: string, userId: string): Promise<void> {
  await api.delete(apiPath`/projects/${projectId}/members/${userId}`);
}
