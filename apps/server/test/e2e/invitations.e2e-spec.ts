import { randomBytes, randomUUID } from 'node:crypto';
import {
  LIMITS,
  ROLES,
  type CreatedInvitation,
  type ErrorBody,
  type InvitationPreview,
  type ProjectDetailResponse,
  type ProjectListItem,
  type User,
} from '@kapitel/domain';
import { createProject, invite, PASSWORD, registerUser, uniqueEmail } from '../factories.js';
import { HttpClient, type Answer } from '../http-client.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { accept, DAY_MS, fieldsOf, openInvitations } from './invitation-support.js';

describe('invitations', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
  });
  afterAll(async () => {
    await app.close();
  });

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
});
