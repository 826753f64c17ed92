import { randomBytes, randomUUID } from 'node:crypto';
import { type ErrorBody } from '@kapitel/domain';
import { createProject, invite, registerUser } from '../factories.js';
import { HttpClient } from '../http-client.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { accept, fieldsOf, openInvitations, roleIn } from './invitation-support.js';

describe('invitations', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
  });
  afterAll(async () => {
    await app.close();
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
      expect(await roleIn(app, project.id, invitee.user.id)).toBeNull();
      expect((await invitee.client.get(`/api/projects/${project.id}`)).status).toBe(404);
      // It stays listed, as expired, for the lead to send a new link.
      expect((await openInvitations(lead, project.id)).map((i) => [i.id, i.expired])).toEqual([
        [invitation.id, true],
      ]);
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
      expect(await roleIn(app, project.id, invitee.user.id)).toBe('reviewer');
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
      expect(await roleIn(app, project.id, invitee.user.id)).toBeNull();
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
      expect(await roleIn(app, project.id, someoneElse.user.id)).toBeNull();

      const right = await accept(invitee, invitation.token);
      expect(right.status).toBe(200);
      expect(await roleIn(app, project.id, invitee.user.id)).toBe('author');
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
      expect(await roleIn(app, project.id, invitee.user.id)).toBeNull();
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
      expect(await roleIn(app, first.id, invitee.user.id)).toBe('reader');
      expect(await roleIn(app, second.id, invitee.user.id)).toBe('author');
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
});
