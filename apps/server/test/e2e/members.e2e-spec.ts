import { randomUUID } from 'node:crypto';
import {
  projectAbilities,
  type ErrorBody,
  type Member,
  type ProjectDetailResponse,
  type ProjectListItem,
  type Role,
} from '@kapitel/domain';
import {
  createParticipant,
  createProject,
  createTeam,
  invite,
  registerUser,
  type Person,
} from '../factories.js';
import type { Answer } from '../http-client.js';
import { startTestApp, type TestApp } from '../test-app.js';

interface AuditRow {
  action: string;
  actor_id: string | null;
  target_type: string | null;
  target_id: string | null;
  data: Record<string, unknown>;
}

function fieldsOf(body: ErrorBody): string[] {
  return (body.error.details ?? []).map((detail) => detail.field).sort();
}

describe('members', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
  });
  afterAll(async () => {
    await app.close();
  });

  function changeRole(
    actor: Person,
    projectId: string,
    userId: string,
    role: string,
  ): Promise<Answer<Member & ErrorBody>> {
    return actor.client.patch<Member & ErrorBody>(`/api/projects/${projectId}/members/${userId}`, { role });
  }

  function removeMember(actor: Person, projectId: string, userId: string): Promise<Answer<ErrorBody>> {
    return actor.client.delete<ErrorBody>(`/api/projects/${projectId}/members/${userId}`);
  }

  async function rolesIn(projectId: string): Promise<Record<string, Role>> {
    const res = await app.db.query<{ user_id: string; role: Role }>(
      'SELECT user_id, role FROM project_members WHERE project_id = $1',
      [projectId],
    );
    return Object.fromEntries(res.rows.map((row) => [row.user_id, row.role]));
  }

  async function leadCount(projectId: string): Promise<number> {
    return Object.values(await rolesIn(projectId)).filter((role) => role === 'lead').length;
  }

  async function auditOf(projectId: string, action: string): Promise<AuditRow[]> {
    const res = await app.db.query<AuditRow>(
      'SELECT action, actor_id, target_type, target_id, data FROM audit_events WHERE project_id = $1 AND action = $2 ORDER BY id',
      [projectId, action],
    );
    return res.rows;
  }

  /** A project with two leads (the second promoted by invitation). */
  async function twoLeads(): Promise<{ projectId: string; first: Person; second: Person }> {
    const first = await registerUser(app);
    const project = await createProject(first);
    const second = await createParticipant(app, first, project.id, 'lead');
    return { projectId: project.id, first, second };
  }

  describe('listing', () => {
    it('lists every member with userId, name, email, organisation and role', async () => {
      const lead = await registerUser(app, { name: 'Lea Lead', organisation: 'Stadt Musterstadt' });
      const project = await createProject(lead);
      const reader = await createParticipant(app, lead, project.id, 'reader');

      const res = await reader.client.get<Member[]>(`/api/projects/${project.id}/members`);
      expect(res.status).toBe(200);
      const byId = Object.fromEntries(res.body.map((member) => [member.userId, member]));
      expect(Object.keys(byId).sort()).toEqual([lead.user.id, reader.user.id].sort());
      expect(byId[lead.user.id]).toEqual({
        userId: lead.user.id,
        name: 'Lea Lead',
        email: lead.user.email,
        organisation: 'Stadt Musterstadt',
        role: 'lead',
      });
      expect(byId[reader.user.id]).toEqual({
        userId: reader.user.id,
        name: reader.user.name,
        email: reader.user.email,
        organisation: null,
        role: 'reader',
      });
    });
  });

  describe('changing a role', () => {
    it("lets a lead change a member's role, which the member sees at once with the matching abilities", async () => {
      const { project, lead, author } = await createTeam(app);

      const res = await changeRole(lead, project.id, author.user.id, 'reviewer');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        userId: author.user.id,
        name: author.user.name,
        email: author.user.email,
        organisation: null,
        role: 'reviewer',
      });

      const members = await lead.client.get<Member[]>(`/api/projects/${project.id}/members`);
      expect(members.body.find((m) => m.userId === author.user.id)?.role).toBe('reviewer');
      const seen = await author.client.get<ProjectDetailResponse>(`/api/projects/${project.id}`);
      expect(seen.body.role).toBe('reviewer');
      expect(seen.body.abilities).toEqual(projectAbilities('reviewer'));
      const listed = await author.client.get<ProjectListItem[]>('/api/projects');
      expect(listed.body.find((p) => p.id === project.id)?.role).toBe('reviewer');
    });

    it('writes an audit row with actor, target, before and after for every role change', async () => {
      const { project, lead, author } = await createTeam(app);
      expect((await changeRole(lead, project.id, author.user.id, 'reviewer')).status).toBe(200);
      expect((await changeRole(lead, project.id, author.user.id, 'lead')).status).toBe(200);

      expect(await auditOf(project.id, 'member.role_changed')).toEqual([
        {
          action: 'member.role_changed',
          actor_id: lead.user.id,
          target_type: 'user',
          target_id: author.user.id,
          data: { before: 'author', after: 'reviewer' },
        },
        {
          action: 'member.role_changed',
          actor_id: lead.user.id,
          target_type: 'user',
          target_id: author.user.id,
          data: { before: 'reviewer', after: 'lead' },
        },
      ]);
    });

    it('takes lead powers away from a demoted lead at once', async () => {
      const { projectId, first, second } = await twoLeads();
      expect((await changeRole(second, projectId, first.user.id, 'reader')).status).toBe(200);

      const detail = await first.client.get<ProjectDetailResponse>(`/api/projects/${projectId}`);
      expect(detail.body.role).toBe('reader');
      expect(detail.body.abilities['members.manage']).toBe(false);
      const inviteAttempt = await first.client.post<ErrorBody>(`/api/projects/${projectId}/invitations`, {
        email: `x-${randomUUID().slice(0, 8)}@example.org`,
        role: 'author',
      });
      expect(inviteAttempt.status).toBe(403);
      const promoteBack = await changeRole(first, projectId, first.user.id, 'lead');
      expect(promoteBack.status).toBe(403);
      expect((await rolesIn(projectId))[first.user.id]).toBe('reader');
    });

    it('names the field of an invalid, missing or unknown body entry', async () => {
      const { project, lead, author } = await createTeam(app);
      const path = `/api/projects/${project.id}/members/${author.user.id}`;
      const cases: Array<[unknown, string[]]> = [
        [{ role: 'owner' }, ['role']],
        [{}, ['role']],
        [{ role: 'reviewer', userId: lead.user.id }, ['userId']],
      ];
      for (const [body, fields] of cases) {
        const res = await lead.client.patch<ErrorBody>(path, body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expect(res.body.error.code).toBe('VALIDATION');
        expect(fieldsOf(res.body)).toEqual(fields);
      }
      expect((await rolesIn(project.id))[author.user.id]).toBe('author');
    });

    it('answers 404 for a user who is not a member and 400 naming the parameter for ids that are not UUIDs', async () => {
      const { project, lead } = await createTeam(app);
      const stranger = await registerUser(app);
      for (const userId of [stranger.user.id, randomUUID()]) {
        const res = await changeRole(lead, project.id, userId, 'author');
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('NOT_FOUND');
        expect((await removeMember(lead, project.id, userId)).status).toBe(404);
      }
      expect((await rolesIn(project.id))[stranger.user.id]).toBeUndefined();

      const badUser = await changeRole(lead, project.id, 'me', 'author');
      expect(badUser.status).toBe(400);
      expect(fieldsOf(badUser.body)).toEqual(['userId']);
      const badProject = await removeMember(lead, 'project-1', lead.user.id);
      expect(badProject.status).toBe(400);
      expect(fieldsOf(badProject.body)).toEqual(['projectId']);
    });
  });

  describe('the last lead', () => {
    it('refuses to let the only lead demote themselves (409 LAST_LEAD)', async () => {
      const { project, lead } = await createTeam(app);
      for (const role of ['author', 'reviewer', 'reader'] as const) {
        const res = await changeRole(lead, project.id, lead.user.id, role);
        expect(res.status).toBe(409);
        expect(res.body.error.code).toBe('LAST_LEAD');
      }
      expect((await rolesIn(project.id))[lead.user.id]).toBe('lead');
      expect(await auditOf(project.id, 'member.role_changed')).toEqual([]);
    });

    it('refuses to let the only lead leave (409 LAST_LEAD)', async () => {
      const { project, lead } = await createTeam(app);
      const res = await removeMember(lead, project.id, lead.user.id);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('LAST_LEAD');
      expect((await lead.client.get(`/api/projects/${project.id}`)).status).toBe(200);
    });

    it('lets a lead step down or leave once another lead exists, and then protects the one left', async () => {
      const { project, lead, author } = await createTeam(app);
      expect((await changeRole(lead, project.id, author.user.id, 'lead')).status).toBe(200);
      expect((await changeRole(lead, project.id, lead.user.id, 'author')).status).toBe(200);
      expect((await removeMember(lead, project.id, lead.user.id)).status).toBe(204);

      const demoteSelf = await changeRole(author, project.id, author.user.id, 'reader');
      expect(demoteSelf.status).toBe(409);
      expect(demoteSelf.body.error.code).toBe('LAST_LEAD');
      expect(await leadCount(project.id)).toBe(1);
      expect((await rolesIn(project.id))[author.user.id]).toBe('lead');
    });

    it('keeps exactly one lead when two leads demote each other at the same moment, without a 500', async () => {
      for (let round = 0; round < 5; round += 1) {
        const { projectId, first, second } = await twoLeads();
        const answers = await Promise.all([
          changeRole(first, projectId, second.user.id, 'author'),
          changeRole(second, projectId, first.user.id, 'author'),
        ]);
        const statuses = answers.map((a) => a.status).sort();
        expect(statuses[0]).toBe(200);
        expect([403, 409]).toContain(statuses[1]);
        expect(await leadCount(projectId)).toBe(1);
      }
    });

    it('keeps exactly one lead when two leads leave at the same moment, without a 500', async () => {
      for (let round = 0; round < 5; round += 1) {
        const { projectId, first, second } = await twoLeads();
        const answers = await Promise.all([
          removeMember(first, projectId, first.user.id),
          removeMember(second, projectId, second.user.id),
        ]);
        expect(answers.map((a) => a.status).sort()).toEqual([204, 409]);
        expect(answers.find((a) => a.status === 409)?.body.error.code).toBe('LAST_LEAD');
        expect(await leadCount(projectId)).toBe(1);
      }
    });
  });

  describe('leaving and removal', () => {
    it('lets any member leave the project; afterwards it is gone for them', async () => {
      const { project, lead, reader } = await createTeam(app);
      expect((await removeMember(reader, project.id, reader.user.id)).status).toBe(204);

      expect((await reader.client.get<ProjectListItem[]>('/api/projects')).body).toEqual([]);
      const detail = await reader.client.get<ErrorBody>(`/api/projects/${project.id}`);
      expect(detail.status).toBe(404);
      expect(detail.body.error.code).toBe('NOT_FOUND');
      const members = await lead.client.get<Member[]>(`/api/projects/${project.id}/members`);
      expect(members.body.map((m) => m.userId)).not.toContain(reader.user.id);
      expect(await auditOf(project.id, 'member.removed')).toEqual([
        expect.objectContaining({
          actor_id: reader.user.id,
          target_id: reader.user.id,
          data: { before: 'reader' },
        }),
      ]);
    });

    it('lets every role leave, while only a lead removes someone else, and the lead left alone stays', async () => {
      const { project, lead, author, reviewer, reader } = await createTeam(app);
      for (const person of [author, reviewer, reader]) {
        const other = await removeMember(person, project.id, lead.user.id);
        expect(other.status).toBe(403);
        expect(other.body.error.code).toBe('FORBIDDEN');
      }
      for (const person of [author, reviewer, reader]) {
        expect((await removeMember(person, project.id, person.user.id)).status).toBe(204);
      }
      expect(await rolesIn(project.id)).toEqual({ [lead.user.id]: 'lead' });
      const last = await removeMember(lead, project.id, lead.user.id);
      expect(last.status).toBe(409);
      expect(last.body.error.code).toBe('LAST_LEAD');
      expect((await auditOf(project.id, 'member.removed')).map((row) => [row.actor_id, row.target_id])).toEqual(
        [author, reviewer, reader].map((person) => [person.user.id, person.user.id]),
      );
    });

    it('answers a removed member 404 on every project route, as for any outsider', async () => {
      const { project, lead, author } = await createTeam(app);
      expect((await removeMember(lead, project.id, author.user.id)).status).toBe(204);

      const attempts = [
        author.client.get<ErrorBody>(`/api/projects/${project.id}`),
        author.client.get<ErrorBody>(`/api/projects/${project.id}/members`),
        author.client.patch<ErrorBody>(`/api/projects/${project.id}`, { title: 'Still mine?' }),
        author.client.delete<ErrorBody>(`/api/projects/${project.id}/members/${author.user.id}`),
      ];
      for (const res of await Promise.all(attempts)) {
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('NOT_FOUND');
      }
      expect((await author.client.get<ProjectListItem[]>('/api/projects')).body).toEqual([]);
      expect(await auditOf(project.id, 'member.removed')).toEqual([
        expect.objectContaining({
          actor_id: lead.user.id,
          target_id: author.user.id,
          data: { before: 'author' },
        }),
      ]);
    });

    it('lets a removed member come back through a new invitation', async () => {
      const { project, lead, reviewer } = await createTeam(app);
      expect((await removeMember(lead, project.id, reviewer.user.id)).status).toBe(204);
      const again = await invite(lead, project.id, reviewer.user.email, 'reader');
      expect((await reviewer.client.post(`/api/invitations/${again.token}/accept`)).status).toBe(200);
      expect(
        (await reviewer.client.get<ProjectDetailResponse>(`/api/projects/${project.id}`)).body.role,
      ).toBe('reader');
    });
  });
});
