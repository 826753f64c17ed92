import { randomUUID } from 'node:crypto';
import {
  projectAbilities,
  ROLES,
  type CreatedInvitation,
  type ErrorBody,
  type Member,
  type Project,
  type ProjectAbilities,
  type ProjectDetailResponse,
  type ProjectListItem,
  type Role,
  type User,
} from '@kapitel/domain';
import { createParticipant, createTeam, invite, registerUser, uniqueEmail, type Person } from '../factories.js';
import {
  anyUser,
  type Caller,
  CALLERS,
  createTeamFixture,
  describeMatrix,
  leadOnly,
  matrixApp,
  type MatrixRow as GenericMatrixRow,
  MEMBERS_READ,
  type TeamFixture,
} from '../permission-matrix.js';
import type { TestApp } from '../test-app.js';

/**
 * The permission matrix of the project, member and invitation routes: every endpoint
 * against every kind of caller. The expectations are written out below from API.md and
 * ARCHITECTURE.md ("Who may do what"), not derived from the server. Every refused request
 * must leave the project's rows (and its people's rows) exactly as they were.
 */

/** One project with one member of each role, an outsider, a member to act upon and an open invitation. */
interface Fixture extends TeamFixture {
  /** A further member (author), the object of member-management requests. */
  target: Person;
  /** An open invitation for an address nobody in the fixture has. */
  invitation: CreatedInvitation;
}

/** `token`: an invitation token made by `prepare`, for rows that need one per caller. */
type MatrixRow = GenericMatrixRow<Fixture, Caller, { token: string }>;

const MATRIX: MatrixRow[] = [
  {
    name: 'POST /api/projects',
    expected: anyUser('201'),
    send: ({ client, marker }) => client.post('/api/projects', { title: marker }),
    verify: async ({ app, self, marker }, answer) => {
      const { project } = answer.body as { project: Project };
      expect(project.title).toBe(marker);
      const rows = await app.db.query<{ role: string }>(
        'SELECT role FROM project_members WHERE project_id = $1 AND user_id = $2',
        [project.id, self?.user.id],
      );
      expect(rows.rows).toEqual([{ role: 'lead' }]);
    },
  },
  {
    name: 'GET /api/projects',
    expected: anyUser('200'),
    send: ({ client }) => client.get('/api/projects'),
    verify: ({ fixture, caller }, answer) => {
      const listed = (answer.body as ProjectListItem[]).filter((p) => p.id === fixture.project.id);
      if (caller === 'nonMember') {
        expect(listed).toEqual([]);
      } else {
        expect(listed.map((p) => p.role)).toEqual([caller]);
      }
    },
  },
  {
    name: 'GET /api/projects/:projectId',
    expected: MEMBERS_READ,
    send: ({ client, fixture }) => client.get(`/api/projects/${fixture.project.id}`),
    verify: ({ caller, fixture }, answer) => {
      const body = answer.body as ProjectDetailResponse;
      expect(body.project.id).toBe(fixture.project.id);
      expect(body.role).toBe(caller);
    },
  },
  {
    name: 'PATCH /api/projects/:projectId',
    expected: leadOnly('200'),
    send: ({ client, fixture, marker }) =>
      client.patch(`/api/projects/${fixture.project.id}`, { title: marker }),
    verify: ({ marker }, answer) => {
      expect((answer.body as { project: Project }).project.title).toBe(marker);
    },
  },
  {
    name: 'GET /api/projects/:projectId/members',
    expected: MEMBERS_READ,
    send: ({ client, fixture }) => client.get(`/api/projects/${fixture.project.id}/members`),
    verify: ({ fixture }, answer) => {
      const ids = (answer.body as Member[]).map((m) => m.userId).sort();
      const expected = [fixture.lead, fixture.author, fixture.reviewer, fixture.reader, fixture.target].map(
        (p) => p.user.id,
      );
      expect(ids).toEqual(expected.sort());
    },
  },
  {
    name: 'PATCH /api/projects/:projectId/members/:userId (another member)',
    expected: leadOnly('200'),
    send: ({ client, fixture }) =>
      client.patch(`/api/projects/${fixture.project.id}/members/${fixture.target.user.id}`, {
        role: 'reviewer',
      }),
    verify: ({ fixture }, answer) => {
      expect(answer.body).toMatchObject({ userId: fixture.target.user.id, role: 'reviewer' });
    },
  },
  {
    name: 'PATCH /api/projects/:projectId/members/:userId (promote oneself to lead)',
    expected: leadOnly('200'),
    send: ({ client, fixture, self }) =>
      client.patch(`/api/projects/${fixture.project.id}/members/${(self ?? fixture.target).user.id}`, {
        role: 'lead',
      }),
    verify: ({ self }, answer) => {
      expect(answer.body).toMatchObject({ userId: self?.user.id, role: 'lead' });
    },
  },
  {
    name: 'DELETE /api/projects/:projectId/members/:userId (another member)',
    expected: leadOnly('204'),
    send: ({ client, fixture }) =>
      client.delete(`/api/projects/${fixture.project.id}/members/${fixture.target.user.id}`),
    verify: async ({ app, fixture }) => {
      const rows = await app.db.query(
        'SELECT 1 FROM project_members WHERE project_id = $1 AND user_id = $2',
        [fixture.project.id, fixture.target.user.id],
      );
      expect(rows.rowCount).toBe(0);
    },
  },
  {
    name: 'DELETE /api/projects/:projectId/members/:userId (leave: oneself)',
    expected: {
      anonymous: '401 UNAUTHENTICATED',
      nonMember: '404 NOT_FOUND',
      reader: '204',
      reviewer: '204',
      author: '204',
      lead: '409 LAST_LEAD',
    },
    send: ({ client, fixture, self }) =>
      client.delete(`/api/projects/${fixture.project.id}/members/${(self ?? fixture.target).user.id}`),
    verify: async ({ client, fixture }) => {
      expect((await client.get(`/api/projects/${fixture.project.id}`)).status).toBe(404);
    },
  },
  {
    name: 'POST /api/projects/:projectId/invitations',
    expected: leadOnly('201'),
    send: ({ client, fixture }) =>
      client.post(`/api/projects/${fixture.project.id}/invitations`, {
        email: uniqueEmail('matrix'),
        role: 'author',
      }),
    verify: (_ctx, answer) => {
      expect((answer.body as CreatedInvitation).token).toEqual(expect.any(String));
    },
  },
  {
    name: 'GET /api/projects/:projectId/invitations',
    expected: leadOnly('200'),
    send: ({ client, fixture }) => client.get(`/api/projects/${fixture.project.id}/invitations`),
    verify: ({ fixture }, answer) => {
      expect((answer.body as Array<{ id: string }>).map((i) => i.id)).toEqual([fixture.invitation.id]);
    },
  },
  {
    name: 'DELETE /api/projects/:projectId/invitations/:invitationId',
    expected: leadOnly('204'),
    send: ({ client, fixture }) =>
      client.delete(`/api/projects/${fixture.project.id}/invitations/${fixture.invitation.id}`),
    verify: async ({ app, fixture }) => {
      const rows = await app.db.query<{ revoked: boolean }>(
        'SELECT revoked_at IS NOT NULL AS revoked FROM invitations WHERE id = $1',
        [fixture.invitation.id],
      );
      expect(rows.rows).toEqual([{ revoked: true }]);
    },
  },
  {
    name: "POST /api/invitations/:token/accept (someone else's invitation)",
    expected: {
      anonymous: '401 UNAUTHENTICATED',
      nonMember: '403 INVITATION_WRONG_ACCOUNT',
      reader: '403 INVITATION_WRONG_ACCOUNT',
      reviewer: '403 INVITATION_WRONG_ACCOUNT',
      author: '403 INVITATION_WRONG_ACCOUNT',
      lead: '403 INVITATION_WRONG_ACCOUNT',
    },
    send: ({ client, fixture }) => client.post(`/api/invitations/${fixture.invitation.token}/accept`),
  },
  {
    name: "POST /api/invitations/:token/accept (an invitation for the caller's own address)",
    expected: {
      anonymous: '401 UNAUTHENTICATED',
      nonMember: '200',
      reader: '409 ALREADY_MEMBER',
      reviewer: '409 ALREADY_MEMBER',
      author: '409 ALREADY_MEMBER',
      lead: '409 ALREADY_MEMBER',
    },
    prepare: async (ctx) => {
      const { app, fixture, self } = ctx;
      if (!self) {
        ctx.token = fixture.invitation.token;
        return;
      }
      if (self === fixture.nonMember) {
        ctx.token = (await invite(fixture.lead, fixture.project.id, self.user.email, 'reviewer')).token;
        return;
      }
      // The API refuses to invite a member, so a member's invitation is made by re-addressing one.
      const invitation = await invite(fixture.lead, fixture.project.id, uniqueEmail('readdress'), 'reviewer');
      await app.db.query('UPDATE invitations SET email = $1 WHERE id = $2', [self.user.email, invitation.id]);
      ctx.token = invitation.token;
    },
    send: ({ client, token }) => client.post(`/api/invitations/${token}/accept`),
    verify: ({ fixture }, answer) => {
      expect(answer.body).toEqual({ projectId: fixture.project.id, role: 'reviewer' });
    },
  },
  {
    name: 'GET /api/me',
    expected: anyUser('200'),
    send: ({ client }) => client.get('/api/me'),
    verify: ({ self }, answer) => {
      expect((answer.body as { user: User }).user.id).toBe(self?.user.id);
    },
  },
  {
    name: 'POST /api/auth/logout',
    expected: anyUser('204'),
    freshSession: true,
    send: ({ client }) => client.post('/api/auth/logout'),
    verify: async ({ client, self }) => {
      // The request ran on a second session of the caller (see below): that one ends, the first lives on.
      expect((await client.get('/api/me')).status).toBe(401);
      expect((await self?.client.get('/api/me'))?.status).toBe(200);
    },
  },
];

async function createFixture(app: TestApp): Promise<Fixture> {
  const team = await createTeamFixture(app);
  const [target, invitation] = await Promise.all([
    createParticipant(app, team.lead, team.project.id, 'author'),
    invite(team.lead, team.project.id, uniqueEmail('invited'), 'author'),
  ]);
  return { ...team, target, invitation };
}

/** Everything stored about the fixture's project and people. */
async function snapshot(app: TestApp, fixture: Fixture, marker: string): Promise<Record<string, unknown[]>> {
  const projectId = fixture.project.id;
  const userIds = [
    fixture.lead,
    fixture.author,
    fixture.reviewer,
    fixture.reader,
    fixture.nonMember,
    fixture.target,
  ].map((p) => p.user.id);
  const [projects, members, invitations, users] = await Promise.all([
    app.db.query('SELECT * FROM projects WHERE id = $1 OR title = $2 ORDER BY id', [projectId, marker]),
    app.db.query('SELECT * FROM project_members WHERE project_id = $1 ORDER BY user_id', [projectId]),
    app.db.query('SELECT * FROM invitations WHERE project_id = $1 ORDER BY id', [projectId]),
    app.db.query('SELECT * FROM users WHERE id = ANY($1::uuid[]) ORDER BY id', [userIds]),
  ]);
  return { projects: projects.rows, members: members.rows, invitations: invitations.rows, users: users.rows };
}

describe('permissions', () => {
  const app = matrixApp();

  describeMatrix(app, { callers: CALLERS, rows: MATRIX, createFixture, snapshot });

  it('answers a non-member exactly as it answers for a project that does not exist', async () => {
    const { project } = await createTeam(app());
    const outsider = await registerUser(app());
    const existing = await outsider.client.get<ErrorBody>(`/api/projects/${project.id}`);
    const missing = await outsider.client.get<ErrorBody>(`/api/projects/${randomUUID()}`);
    expect(existing.status).toBe(404);
    expect(missing.status).toBe(404);
    const strip = (body: ErrorBody) => ({ ...body.error, requestId: undefined });
    expect(strip(existing.body)).toEqual(strip(missing.body));
  });

  describe('abilities sent with GET /api/projects/:projectId', () => {
    /** ARCHITECTURE.md, "Who may do what", for the project-level actions. */
    const TABLE: Record<Role, ProjectAbilities> = {
      lead: {
        'project.read': true,
        'project.update': true,
        'comment.create': true,
        'outline.manage': true,
        'members.manage': true,
        'audit.read': true,
        'export.draft': true,
        'export.final': true,
        'abbreviations.edit': true,
        'sources.edit': true,
      },
      author: {
        'project.read': true,
        'project.update': false,
        'comment.create': true,
        'outline.manage': false,
        'members.manage': false,
        'audit.read': false,
        'export.draft': true,
        'export.final': false,
        'abbreviations.edit': true,
        'sources.edit': true,
      },
      reviewer: {
        'project.read': true,
        'project.update': false,
        'comment.create': true,
        'outline.manage': false,
        'members.manage': false,
        'audit.read': false,
        'export.draft': true,
        'export.final': false,
        'abbreviations.edit': false,
        'sources.edit': false,
      },
      reader: {
        'project.read': true,
        'project.update': false,
        'comment.create': false,
        'outline.manage': false,
        'members.manage': false,
        'audit.read': false,
        'export.draft': true,
        'export.final': false,
        'abbreviations.edit': false,
        'sources.edit': false,
      },
    };

    let team: Awaited<ReturnType<typeof createTeam>>;
    beforeAll(async () => {
      team = await createTeam(app());
    });

    it.each([...ROLES])('gives a %s their role and the abilities of projectAbilities(role)', async (role) => {
      const res = await team[role].client.get<ProjectDetailResponse>(`/api/projects/${team.project.id}`);
      expect(res.status).toBe(200);
      expect(res.body.role).toBe(role);
      expect(res.body.abilities).toEqual(projectAbilities(role));
      expect(res.body.abilities).toEqual(TABLE[role]);
    });
  });
});
