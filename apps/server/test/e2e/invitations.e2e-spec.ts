import { randomBytes, randomUUID } from 'node:crypto';
import {
  LIMITS,
  ROLES,
  type AcceptInvitationResponse,
  type CreatedInvitation,
  type ErrorBody,
  type Invitation,
  type InvitationPreview,
  type ProjectDetailResponse,
  type ProjectListItem,
  type User,
} from '@kapitel/domain';
import {
  createProject,
  createTeam,
  invite,
  PASSWORD,
  registerUser,
  uniqueEmail,
  type Person,
} from '../factories.js';
import { HttpClient, type Answer } from '../http-client.js';
import { startTestApp, type TestApp } from '../test-app.js';

const DAY_MS = 24 * 3600 * 1000;

function accept(person: Person, token: string): Promise<Answer<AcceptInvitationResponse & ErrorBody>> {
  return person.client.post<AcceptInvitationResponse & ErrorBody>(`/api/invitations/${token}/accept`);
}

function fieldsOf(body: ErrorBody): string[] {
  return (body.error.details ?? []).map((detail) => detail.field).sort();
}

describe('invitations', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
  });
  afterAll(async () => {
    await app.close();
  });

  async function roleIn(projectId: string, userId: string): Promise<string | null> {
    const res = await app.db.query<{ role: string }>(
      'SELECT role FROM project_members WHERE project_id = $1 AND user_id = $2',
      [projectId, userId],
    );
    return res.rows[0]?.role ?? null;
  }

  async function openInvitations(lead: Person, projectId: string): Promise<Invitation[]> {
    const res = await lead.client.get<Invitation[]>(`/api/projects/${projectId}/invitations`);
    expect(res.status).toBe(200);
    return res.body;
  }

  describe('done when: a lead invites by link and the invitee joins', () => {
    it.each([...ROLES])('lets B join as %s and see the project with that role', async (role) => {
      const a = await registerUser(app, { name: 'Anna Lead' });
      const project = await createProject(a, { title: 'Digitale Souveränität 2026' });

      const bEmail = uniqueEmail('ben');
      const created = await a.client.post<CreatedInvitation>(`/api/projects/${project.id}/invitations`, {
        email: bEmail,
        role,
      });
      expect(created.status).toBe(201);

      // B follows the link: registers with the invited address, then accepts the token the link carries.
      const b = await registerUser(app, { email: bEmail, name: 'Ben Invitee' });
      const token = new URL(created.body.url).pathname.split('/').pop() ?? '';
      expect(token).toBe(created.body.token);
      const accepted = await accept(b, token);
      expect(accepted.status).toBe(200);
      expect(accepted.body).toEqual({ projectId: project.id, role });

      const list = await b.client.get<ProjectListItem[]>('/api/projects');
      expect(list.status).toBe(200);
      expect(list.body).toEqual([
        expect.objectContaining({ id: project.id, title: 'Digitale Souveränität 2026', role }),
      ]);

      const detail = await b.client.get<ProjectDetailResponse>(`/api/projects/${project.id}`);
      expect(detail.status).toBe(200);
      expect(detail.body.project.id).toBe(project.id);
      expect(detail.body.role).toBe(role);
      expect(detail.body.abilities['members.manage']).toBe(role === 'lead');

      const members = await a.client.get<Array<{ userId: string; role: string }>>(
        `/api/projects/${project.id}/members`,
      );
      expect(members.body).toEqual(
        expect.arrayContaining([expect.objectContaining({ userId: b.user.id, role })]),
      );
    });
  });

  describe('the link', () => {
    it('points at the server origin, carries the token and is valid for seven days', async () => {
      const lead = await registerUser(app);
      const project = await createProject(lead);
      const before = Date.now();
      const invitation = await invite(lead, project.id, uniqueEmail('link'), 'author');

      expect(invitation.token).toMatch(/^[\w-]{32,}$/);
      // Without SMTP_URL nothing is e-mailed, and the answer says so.
      expect(invitation.emailStatus).toBe('off');
      expect(invitation.url).toContain(invitation.token);
      const url = new URL(invitation.url);
      expect(url.origin).toBe(app.origin);
      expect(url.pathname).toBe(`/invite/${invitation.token}`);
      const expiresAt = Date.parse(invitation.expiresAt);
      expect(expiresAt).toBeGreaterThanOrEqual(before + LIMITS.invitationValidDays * DAY_MS - 1000);
      expect(expiresAt).toBeLessThanOrEqual(Date.now() + LIMITS.invitationValidDays * DAY_MS + 1000);
    });

    it('does not store the token itself in the database', async () => {
      const lead = await registerUser(app);
      const project = await createProject(lead);
      const invitation = await invite(lead, project.id, uniqueEmail('hash'), 'author');
      const row = await app.db.query<Record<string, unknown>>('SELECT * FROM invitations WHERE id = $1', [
        invitation.id,
      ]);
      expect(row.rowCount).toBe(1);
      expect(JSON.stringify(row.rows[0])).not.toContain(invitation.token);
    });

    it('uses the configured public origin when there is one', async () => {
      const publicOrigin = 'https://kapitel.example.org';
      const behindProxy = await startTestApp({ publicOrigin });
      try {
        const lead = new HttpClient(behindProxy.origin);
        const registered = await lead.post<{ user: User }>(
          '/api/auth/register',
          { email: uniqueEmail('proxy'), password: PASSWORD, name: 'Pia Proxy' },
          { origin: publicOrigin },
        );
        expect(registered.status).toBe(201);
        const project = await lead.post<{ project: { id: string } }>(
          '/api/projects',
          { title: 'Hinter dem Proxy' },
          { origin: publicOrigin },
        );
        const res = await lead.post<CreatedInvitation>(
          `/api/projects/${project.body.project.id}/invitations`,
          { email: uniqueEmail('guest'), role: 'reader' },
          { origin: publicOrigin },
        );
        expect(res.status).toBe(201);
        expect(res.body.url).toBe(`${publicOrigin}/invite/${res.body.token}`);
      } finally {
        await behindProxy.close();
      }
    });
  });

  describe('previewing a link (GET /api/invitations/:token)', () => {
    function preview(client: HttpClient, token: string): Promise<Answer<InvitationPreview & ErrorBody>> {
      return client.get<InvitationPreview & ErrorBody>(`/api/invitations/${token}`);
    }

    it('shows whoever holds the link, signed in or not, the project, role, inviter, bound email and expiry, and nothing else', async () => {
      const lead = await registerUser(app, { name: 'Anna Leitung' });
      const project = await createProject(lead, { title: 'Kommunale Wärmeplanung', language: 'en' });
      const invitee = await registerUser(app);
      const email = invitee.user.email;
      const invitation = await invite(lead, project.id, email, 'reviewer');
      const expected = {
        projectTitle: 'Kommunale Wärmeplanung',
        projectLanguage: 'en',
        role: 'reviewer',
        inviterName: 'Anna Leitung',
        email,
        expiresAt: invitation.expiresAt,
      };

      const anonymous = await preview(new HttpClient(app.origin), invitation.token);
      const signedIn = await preview(invitee.client, invitation.token);
      expect([anonymous.status, signedIn.status]).toEqual([200, 200]);
      expect(anonymous.body).toEqual({ ...expected, viewer: 'anonymous' });
      expect(signedIn.body).toEqual({ ...expected, viewer: 'invited_account' });
      for (const res of [anonymous, signedIn]) {
        // The answer names a person and depends on the session: no cache may keep it.
        expect(res.headers.get('cache-control')).toBe('no-store');
        for (const secret of [invitation.token, invitation.id, project.id, lead.user.id, lead.user.email]) {
          expect(JSON.stringify(res.body)).not.toContain(secret);
        }
      }
    });

    it('tells a signed-in caller whether the link is for their account, and previewing changes nothing', async () => {
      const lead = await registerUser(app);
      const project = await createProject(lead);
      const invitee = await registerUser(app);
      const someoneElse = await registerUser(app);
      const invitation = await invite(lead, project.id, invitee.user.email.toUpperCase(), 'author');

      expect((await preview(invitee.client, invitation.token)).body.viewer).toBe('invited_account');
      expect((await preview(someoneElse.client, invitation.token)).body.viewer).toBe('other_account');
      expect((await preview(lead.client, invitation.token)).body.viewer).toBe('member');

      expect((await openInvitations(lead, project.id)).map((i) => i.id)).toEqual([invitation.id]);
      expect((await accept(invitee, invitation.token)).status).toBe(200);
    });

    it('answers an unknown token with 404 NOT_FOUND, signed in or not', async () => {
      const person = await registerUser(app);
      const unknown = randomBytes(32).toString('base64url');
      for (const client of [new HttpClient(app.origin), person.client]) {
        const res = await preview(client, unknown);
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('NOT_FOUND');
        expect(Object.keys(res.body)).toEqual(['error']);
      }
    });

    it('answers a used, revoked or expired link with the 409 accepting it would get, revealing nothing of it', async () => {
      const lead = await registerUser(app, { name: 'Greta Geheim' });
      const project = await createProject(lead, { title: `Vertraulich ${randomUUID().slice(0, 6)}` });
      const invitee = await registerUser(app);
      const used = await invite(lead, project.id, invitee.user.email, 'author');
      expect((await accept(invitee, used.token)).status).toBe(200);
      const revokedEmail = uniqueEmail('revoked');
      const revoked = await invite(lead, project.id, revokedEmail, 'reader');
      expect((await lead.client.delete(`/api/projects/${project.id}/invitations/${revoked.id}`)).status).toBe(
        204,
      );
      const expiredEmail = uniqueEmail('expired');
      const expired = await invite(lead, project.id, expiredEmail, 'reader');
      await app.db.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
        expired.id,
      ]);

      const cases: Array<[string, string, string]> = [
        [used.token, 'INVITATION_USED', invitee.user.email],
        [revoked.token, 'INVITATION_REVOKED', revokedEmail],
        [expired.token, 'INVITATION_EXPIRED', expiredEmail],
      ];
      for (const [token, code, email] of cases) {
        const res = await preview(new HttpClient(app.origin), token);
        expect({ code, status: res.status }).toEqual({ code, status: 409 });
        expect(res.body.error.code).toBe(code);
        expect(Object.keys(res.body)).toEqual(['error']);
        for (const secret of [project.title, 'Greta Geheim', email]) {
          expect(JSON.stringify(res.body)).not.toContain(secret);
        }
      }
    });

    it('answers a token that cannot be one with 400 VALIDATION naming token', async () => {
      for (const token of [
        'not-a-token',
        'x'.repeat(1000),
        randomUUID(),
        `${'a'.repeat(42)}.`,
        'a'.repeat(44),
      ]) {
        const res = await preview(new HttpClient(app.origin), token);
        expect({ token, status: res.status }).toEqual({ token, status: 400 });
        expect(res.body.error.code).toBe('VALIDATION');
        expect(fieldsOf(res.body)).toEqual(['token']);
      }
    });

    it('is described in the OpenAPI document under members', async () => {
      const res = await new HttpClient(app.origin).get<{
        paths: Record<string, { get?: { tags?: string[] } }>;
      }>('/api/docs-json');
      expect(res.body.paths['/api/invitations/{token}']?.get?.tags).toEqual(['members']);
    });
  });

  describe('accepting', () => {
    it('refuses an expired invitation with 409 INVITATION_EXPIRED and does not add the member', async () => {
      const lead = await registerUser(app);
      const project = await createProject(lead);
      const invitee = await registerUser(app);
      const invitation = await invite(lead, project.id, invitee.user.email, 'author');
      await app.db.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
        invitation.id,
      ]);

      const res = await accept(invitee, invitation.token);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('INVITATION_EXPIRED');
      expect(await roleIn(project.id, invitee.user.id)).toBeNull();
      expect((await invitee.client.get(`/api/projects/${project.id}`)).status).toBe(404);
      // It stays listed, as expired, for the lead to send a new link.
      expect((await openInvitations(lead, project.id)).map((i) => [i.id, i.expired])).toEqual([[invitation.id, true]]);
    });

    it('still accepts an invitation a minute before it expires', async () => {
      const lead = await registerUser(app);
      const project = await createProject(lead);
      const invitee = await registerUser(app);
      const invitation = await invite(lead, project.id, invitee.user.email, 'reviewer');
      await app.db.query(`UPDATE invitations SET expires_at = now() + interval '1 minute' WHERE id = $1`, [
        invitation.id,
      ]);

      const res = await accept(invitee, invitation.token);
      expect(res.status).toBe(200);
      expect(await roleIn(project.id, invitee.user.id)).toBe('reviewer');
    });

    it('is single-use: a second accept gets 409 INVITATION_USED, even after the member left', async () => {
      const lead = await registerUser(app);
      const project = await createProject(lead);
      const invitee = await registerUser(app);
      const invitation = await invite(lead, project.id, invitee.user.email, 'author');

      expect((await accept(invitee, invitation.token)).status).toBe(200);
      const again = await accept(invitee, invitation.token);
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('INVITATION_USED');

      expect(
        (await invitee.client.delete(`/api/projects/${project.id}/members/${invitee.user.id}`)).status,
      ).toBe(204);
      const afterLeaving = await accept(invitee, invitation.token);
      expect(afterLeaving.status).toBe(409);
      expect(afterLeaving.body.error.code).toBe('INVITATION_USED');
      expect(await roleIn(project.id, invitee.user.id)).toBeNull();
    });

    it('lets only the account of the invited email accept (403 INVITATION_WRONG_ACCOUNT), and the link keeps working for it', async () => {
      const lead = await registerUser(app);
      const project = await createProject(lead);
      const invitee = await registerUser(app);
      const someoneElse = await registerUser(app);
      const invitation = await invite(lead, project.id, invitee.user.email, 'author');

      const wrong = await accept(someoneElse, invitation.token);
      expect(wrong.status).toBe(403);
      expect(wrong.body.error.code).toBe('INVITATION_WRONG_ACCOUNT');
      expect(await roleIn(project.id, someoneElse.user.id)).toBeNull();

      const right = await accept(invitee, invitation.token);
      expect(right.status).toBe(200);
      expect(await roleIn(project.id, invitee.user.id)).toBe('author');
    });

    it('matches the invited email regardless of case and surrounding spaces', async () => {
      const lead = await registerUser(app);
      const project = await createProject(lead);
      const invitee = await registerUser(app);
      const invitation = await invite(lead, project.id, `  ${invitee.user.email.toUpperCase()} `, 'reader');

      expect((await openInvitations(lead, project.id)).map((i) => i.email)).toEqual([invitee.user.email]);
      expect((await accept(invitee, invitation.token)).status).toBe(200);
    });

    it('refuses a revoked invitation with 409 INVITATION_REVOKED', async () => {
      const lead = await registerUser(app);
      const project = await createProject(lead);
      const invitee = await registerUser(app);
      const invitation = await invite(lead, project.id, invitee.user.email, 'author');

      expect(
        (await lead.client.delete(`/api/projects/${project.id}/invitations/${invitation.id}`)).status,
      ).toBe(204);
      expect(await openInvitations(lead, project.id)).toEqual([]);

      const res = await accept(invitee, invitation.token);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('INVITATION_REVOKED');
      expect(await roleIn(project.id, invitee.user.id)).toBeNull();
    });

    it('revokes the older open link when the same email is invited again', async () => {
      const lead = await registerUser(app);
      const project = await createProject(lead);
      const invitee = await registerUser(app);
      const first = await invite(lead, project.id, invitee.user.email, 'reader');
      const second = await invite(lead, project.id, invitee.user.email, 'author');

      expect((await openInvitations(lead, project.id)).map((i) => [i.id, i.role])).toEqual([
        [second.id, 'author'],
      ]);
      const old = await accept(invitee, first.token);
      expect(old.status).toBe(409);
      expect(old.body.error.code).toBe('INVITATION_REVOKED');

      const fresh = await accept(invitee, second.token);
      expect(fresh.status).toBe(200);
      expect(fresh.body).toEqual({ projectId: project.id, role: 'author' });
    });

    it('does not revoke an invitation of the same email to another project', async () => {
      const lead = await registerUser(app);
      const [first, second] = [await createProject(lead), await createProject(lead)];
      const invitee = await registerUser(app);
      const toFirst = await invite(lead, first.id, invitee.user.email, 'reader');
      const toSecond = await invite(lead, second.id, invitee.user.email, 'author');

      expect((await accept(invitee, toFirst.token)).status).toBe(200);
      expect((await accept(invitee, toSecond.token)).status).toBe(200);
      expect(await roleIn(first.id, invitee.user.id)).toBe('reader');
      expect(await roleIn(second.id, invitee.user.id)).toBe('author');
    });

    it('answers an unknown token with 404 NOT_FOUND', async () => {
      const person = await registerUser(app);
      const res = await accept(person, randomBytes(32).toString('base64url'));
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    });

    it('answers a malformed or overlong token with 400 VALIDATION naming token, as the preview does', async () => {
      const person = await registerUser(app);
      for (const token of ['not-a-token', 'x'.repeat(1000), randomUUID()]) {
        const res = await accept(person, token);
        expect({ token, status: res.status }).toEqual({ token, status: 400 });
        expect(res.body.error.code).toBe('VALIDATION');
        expect(fieldsOf(res.body)).toEqual(['token']);
      }
    });

    it('needs a login: anonymous gets 401 and the invitation stays open', async () => {
      const lead = await registerUser(app);
      const project = await createProject(lead);
      const invitee = await registerUser(app);
      const invitation = await invite(lead, project.id, invitee.user.email, 'author');

      const res = await new HttpClient(app.origin).post<ErrorBody>(
        `/api/invitations/${invitation.token}/accept`,
      );
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
      expect((await openInvitations(lead, project.id)).map((i) => i.id)).toEqual([invitation.id]);
      expect((await accept(invitee, invitation.token)).status).toBe(200);
    });

    it('lets exactly one of several concurrent accepts of one token succeed', async () => {
      const lead = await registerUser(app);
      const project = await createProject(lead);
      const invitee = await registerUser(app);
      const invitation = await invite(lead, project.id, invitee.user.email, 'author');

      const answers = await Promise.all(Array.from({ length: 6 }, () => accept(invitee, invitation.token)));
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([200, 409, 409, 409, 409, 409]);
      for (const refused of answers.filter((a) => a.status === 409)) {
        expect(['INVITATION_USED', 'ALREADY_MEMBER']).toContain(refused.body.error.code);
      }
      const rows = await app.db.query(
        'SELECT role FROM project_members WHERE project_id = $1 AND user_id = $2',
        [project.id, invitee.user.id],
      );
      expect(rows.rows).toEqual([{ role: 'author' }]);
      const stored = await app.db.query<{ accepted_by: string }>(
        'SELECT accepted_by FROM invitations WHERE id = $1',
        [invitation.id],
      );
      expect(stored.rows).toEqual([{ accepted_by: invitee.user.id }]);
    });
  });

  describe('creating', () => {
    it('refuses to invite an existing member with 409 ALREADY_MEMBER naming the email, in any spelling', async () => {
      const { project, lead, author } = await createTeam(app);
      for (const email of [author.user.email, author.user.email.toUpperCase(), lead.user.email]) {
        const res = await lead.client.post<ErrorBody>(`/api/projects/${project.id}/invitations`, {
          email,
          role: 'reviewer',
        });
        expect({ email, status: res.status }).toEqual({ email, status: 409 });
        expect(res.body.error.code).toBe('ALREADY_MEMBER');
        expect(fieldsOf(res.body)).toEqual(['email']);
      }
      const rows = await app.db.query('SELECT 1 FROM invitations WHERE project_id = $1 AND email = $2', [
        project.id,
        author.user.email,
      ]);
      expect(rows.rowCount).toBe(1); // only the one author joined with
    });

    it('names each invalid field, including unknown ones', async () => {
      const lead = await registerUser(app);
      const project = await createProject(lead);
      const res = await lead.client.post<ErrorBody>(`/api/projects/${project.id}/invitations`, {
        email: 'not an email',
        role: 'owner',
        expiresAt: '2099-01-01T00:00:00Z',
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION');
      expect(fieldsOf(res.body)).toEqual(['email', 'expiresAt', 'role']);
      expect(await openInvitations(lead, project.id)).toEqual([]);
    });

    it('rate-limits invitations per lead with 429', async () => {
      const strict = await startTestApp({ invitationRateLimitPerHour: 2 });
      try {
        const lead = await registerUser(strict);
        const project = await createProject(lead);
        await invite(lead, project.id, uniqueEmail(), 'reader');
        await invite(lead, project.id, uniqueEmail(), 'reader');
        const third = await lead.client.post<ErrorBody>(`/api/projects/${project.id}/invitations`, {
          email: uniqueEmail(),
          role: 'reader',
        });
        expect(third.status).toBe(429);
        expect(third.body.error.code).toBe('RATE_LIMITED');
        expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      } finally {
        await strict.close();
      }
    });
  });

  describe('listing and revoking', () => {
    it('lists unused invitations, open ones and ones expired lately (marked), but not accepted, revoked, long-expired or superseded ones, and never a token', async () => {
      const lead = await registerUser(app);
      const project = await createProject(lead);
      const acceptedBy = await registerUser(app);

      const open = await invite(lead, project.id, uniqueEmail('open'), 'author');
      const accepted = await invite(lead, project.id, acceptedBy.user.email, 'reviewer');
      const revoked = await invite(lead, project.id, uniqueEmail('revoked'), 'reader');
      const expired = await invite(lead, project.id, uniqueEmail('expired'), 'reader');
      const longExpired = await invite(lead, project.id, uniqueEmail('long-expired'), 'reader');
      const supersededEmail = uniqueEmail('again');
      await invite(lead, project.id, supersededEmail, 'reader');
      const replacement = await invite(lead, project.id, supersededEmail, 'author');

      expect((await accept(acceptedBy, accepted.token)).status).toBe(200);
      expect((await lead.client.delete(`/api/projects/${project.id}/invitations/${revoked.id}`)).status).toBe(
        204,
      );
      await app.db.query(`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [
        expired.id,
      ]);
      await app.db.query(`UPDATE invitations SET expires_at = now() - $2::interval WHERE id = $1`, [
        longExpired.id,
        `${LIMITS.invitationExpiredListedDays} days 1 minute`,
      ]);

      const list = await openInvitations(lead, project.id);
      expect(list.map((i) => i.id).sort()).toEqual([open.id, replacement.id, expired.id].sort());
      expect(list.map((i) => [i.id, i.expired]).sort()).toEqual(
        [[open.id, false], [replacement.id, false], [expired.id, true]].sort(),
      );
      const openItem = list.find((i) => i.id === open.id);
      expect(Object.keys(openItem ?? {}).sort()).toEqual([
        'createdAt',
        'email',
        'emailStatus',
        'expired',
        'expiresAt',
        'id',
        'invitedBy',
        'role',
      ]);
      // This server has no SMTP_URL: nothing was e-mailed (invitation-delivery.e2e-spec.ts mails).
      expect(openItem).toMatchObject({
        id: open.id,
        role: 'author',
        invitedBy: lead.user.id,
        expiresAt: open.expiresAt,
        emailStatus: 'off',
      });
      expect(openItem?.email).toMatch(/^open-/);
      expect(openItem?.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(JSON.stringify(list)).not.toContain(open.token);
      expect(JSON.stringify(list)).not.toContain(replacement.token);
    });

    it('refuses to revoke an accepted invitation with 409 INVITATION_USED', async () => {
      const lead = await registerUser(app);
      const project = await createProject(lead);
      const invitee = await registerUser(app);
      const invitation = await invite(lead, project.id, invitee.user.email, 'author');
      expect((await accept(invitee, invitation.token)).status).toBe(200);

      const res = await lead.client.delete<ErrorBody>(
        `/api/projects/${project.id}/invitations/${invitation.id}`,
      );
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('INVITATION_USED');
      expect(await roleIn(project.id, invitee.user.id)).toBe('author');
    });

    it('answers 404 for an unknown invitation and for an invitation of another project', async () => {
      const lead = await registerUser(app);
      const [mine, other] = [await createProject(lead), await createProject(lead)];
      const elsewhere = await invite(lead, other.id, uniqueEmail(), 'reader');

      const unknown = await lead.client.delete<ErrorBody>(
        `/api/projects/${mine.id}/invitations/${randomUUID()}`,
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('NOT_FOUND');
      const crossProject = await lead.client.delete<ErrorBody>(
        `/api/projects/${mine.id}/invitations/${elsewhere.id}`,
      );
      expect(crossProject.status).toBe(404);
      expect((await openInvitations(lead, other.id)).map((i) => i.id)).toEqual([elsewhere.id]);
    });

    it('answers ids that are not UUIDs with 400 VALIDATION naming the parameter', async () => {
      const lead = await registerUser(app);
      const project = await createProject(lead);
      const cases: Array<[Promise<Answer<ErrorBody>>, string]> = [
        [lead.client.get<ErrorBody>('/api/projects/not-a-uuid/invitations'), 'projectId'],
        [
          lead.client.post<ErrorBody>('/api/projects/not-a-uuid/invitations', {
            email: uniqueEmail(),
            role: 'author',
          }),
          'projectId',
        ],
        [lead.client.delete<ErrorBody>(`/api/projects/${project.id}/invitations/not-a-uuid`), 'invitationId'],
        [lead.client.delete<ErrorBody>(`/api/projects/123/invitations/${randomUUID()}`), 'projectId'],
      ];
      for (const [request, field] of cases) {
        const res = await request;
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION');
        expect(fieldsOf(res.body)).toEqual([field]);
      }
    });
  });
});
