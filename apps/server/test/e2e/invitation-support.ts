import type { AcceptInvitationResponse, ErrorBody, Invitation } from '@kapitel/domain';
import type { Person } from '../factories.js';
import type { Answer } from '../http-client.js';
import type { TestApp } from '../test-app.js';

export const DAY_MS = 24 * 3600 * 1000;

export function accept(person: Person, token: string): Promise<Answer<AcceptInvitationResponse & ErrorBody>> {
  return person.client.post<AcceptInvitationResponse & ErrorBody>(`/api/invitations/${token}/accept`);
}

export function fieldsOf(body: ErrorBody): string[] {
  return (body.error.details ?? []).map((detail) => detail.field).sort();
}

/** The member's role in the project as stored, or null when they are none. */
export async function roleIn(app: TestApp, projectId: string, userId: string): Promise<string | null> {
  const res = await app.db.query<{ role: string }>(
    'SELECT role FROM project_members WHERE project_id = $1 AND user_id = $2',
    [projectId, userId],
  );
  return res.rows[0]?.role ?? null;
}

/** The project's invitation list as its lead sees it. */
export async function openInvitations(lead: Person, projectId: string): Promise<Invitation[]> {
  const res = await lead.client.get<Invitation[]>(`/api/projects/${projectId}/invitations`);
  expect(res.status).toBe(200);
  return res.body;
}
