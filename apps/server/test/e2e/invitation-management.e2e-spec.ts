import { randomUUID } from 'node:crypto';
import { LIMITS, type ErrorBody } from '@kapitel/domain';
import { createProject, createTeam, invite, registerUser, uniqueEmail } from '../factories.js';

import type { Answer } from '../http-client.js';
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
        [
          [open.id, false],
          [replacement.id, false],
          [expired.id, true],
        ].sort(),
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
      expect(await roleIn(app, project.id, invitee.user.id)).toBe('author');
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
