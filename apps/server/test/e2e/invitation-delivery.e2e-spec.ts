import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import {
  LIMITS,
  type AcceptInvitationResponse,
  type CreatedInvitation,
  type ErrorBody,
  type Invitation,
  type InvitationPreview,
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
import { linkIn, MailReceiver } from '../mail-receiver.js';
import { startTestApp, type TestApp } from '../test-app.js';

const DAY_MS = 24 * 3600 * 1000;
const LIMITS_OFF = { loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 };

function renew(
  lead: Person,
  projectId: string,
  invitationId: string,
): Promise<Answer<CreatedInvitation & ErrorBody>> {
  return lead.client.post<CreatedInvitation & ErrorBody>(
    `/api/projects/${projectId}/invitations/${invitationId}/renew`,
  );
}

function accept(person: Person, token: string): Promise<Answer<AcceptInvitationResponse & ErrorBody>> {
  return person.client.post<AcceptInvitationResponse & ErrorBody>(`/api/invitations/${token}/accept`);
}

function tokenOf(link: string): string {
  return new URL(link).pathname.split('/').pop() ?? '';
}

async function openInvitations(lead: Person, projectId: string): Promise<Invitation[]> {
  const res = await lead.client.get<Invitation[]>(`/api/projects/${projectId}/invitations`);
  expect(res.status).toBe(200);
  return res.body;
}

describe('invitation e-mails (SMTP_URL set)', () => {
  let receiver: MailReceiver;
  let app: TestApp;

  beforeAll(async () => {
    receiver = await MailReceiver.start();
    app = await startTestApp({ ...LIMITS_OFF, smtp: receiver.smtp });
  });
  afterAll(async () => {
    await app.close();
    await receiver.close();
  });

  it('mails the invited address in German by default: who invites, to which project, the role, the link, until when, and what to do if unexpected', async () => {
    const lead = await registerUser(app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title: 'Kommunale Wärmeplanung' });
    const email = uniqueEmail('ali');

    const created = await lead.client.post<CreatedInvitation>(`/api/projects/${project.id}/invitations`, {
      email: email.toUpperCase(),
      role: 'reviewer',
    });
    expect(created.status).toBe(201);
    expect(created.body.emailStatus).toBe('sent');

    const mail = await receiver.nextMailTo(email);
    expect(mail.from).toBe('Kapitel <kapitel@example.org>');
    expect(mail.subject).toBe('Einladung zum Projekt „Kommunale Wärmeplanung“ in Kapitel');
    expect(mail.text).toContain(
      `Lea Leitung (${lead.user.email}) lädt Sie ein, am Bericht „Kommunale Wärmeplanung“`,
    );
    expect(mail.text).toContain('Ihre Rolle: Prüferin/Prüfer');
    expect(mail.text).toMatch(
      /Der Link gilt bis \d{1,2}\. \S+ \d{4} um \d{2}:\d{2} \((MEZ|MESZ)\) und nur einmal\./,
    );
    expect(mail.text).toContain(`nur ein Konto mit der Adresse ${email}`);
    expect(mail.text).toContain('Wenn Sie diese Einladung nicht erwartet haben');
    // The mail's link is the one the lead was shown, and it works.
    expect(linkIn(mail)).toBe(created.body.url);
    expect((await openInvitations(lead, project.id)).map((i) => [i.id, i.emailStatus])).toEqual([
      [created.body.id, 'sent'],
    ]);
    const invitee = await registerUser(app, { email });
    expect((await accept(invitee, tokenOf(linkIn(mail)))).body).toEqual({
      projectId: project.id,
      role: 'reviewer',
    });
  });

  it('writes the e-mail in English for a project in English', async () => {
    const lead = await registerUser(app, { name: 'Eve Lead' });
    const project = await createProject(lead, { title: 'Open data report', language: 'en' });
    const email = uniqueEmail('en');
    await invite(lead, project.id, email, 'reader');

    const mail = await receiver.nextMailTo(email);
    expect(mail.subject).toBe('Invitation to the project “Open data report” in Kapitel');
    expect(mail.text).toContain('Your role: Reader');
    expect(mail.text).toMatch(
      /The link works until \d{1,2} \w+ \d{4} at \d{2}:\d{2} \(CES?T\) and only once\./,
    );
  });

  describe('a new link (POST …/invitations/:invitationId/renew)', () => {
    it('replaces the link: the old one is refused with 409 INVITATION_REVOKED, the new one is mailed and accepted, and the seven days start anew', async () => {
      const lead = await registerUser(app, { name: 'Lea Leitung' });
      const project = await createProject(lead);
      const invitee = await registerUser(app);
      const first = await invite(lead, project.id, invitee.user.email, 'author');
      await receiver.nextMailTo(invitee.user.email, 1);
      // Expired already: a lead can still send a fresh link.
      await app.db.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
        first.id,
      ]);

      const before = Date.now();
      const renewed = await renew(lead, project.id, first.id);
      expect(renewed.status).toBe(201);
      expect(renewed.body.emailStatus).toBe('sent');
      expect(renewed.body.id).not.toBe(first.id);
      expect(renewed.body.token).not.toBe(first.token);
      expect(renewed.body.url).toBe(`${app.origin}/invite/${renewed.body.token}`);
      expect(Date.parse(renewed.body.expiresAt)).toBeGreaterThanOrEqual(
        before + LIMITS.invitationValidDays * DAY_MS - 1000,
      );

      const mail = await receiver.nextMailTo(invitee.user.email, 2);
      expect(linkIn(mail)).toBe(renewed.body.url);
      const oldPreview = await invitee.client.get<ErrorBody>(`/api/invitations/${first.token}`);
      expect(oldPreview.status).toBe(409);
      expect(oldPreview.body.error.code).toBe('INVITATION_REVOKED');
      const oldAccept = await accept(invitee, first.token);
      expect(oldAccept.status).toBe(409);
      expect(oldAccept.body.error.code).toBe('INVITATION_REVOKED');

      expect((await openInvitations(lead, project.id)).map((i) => [i.id, i.role, i.emailStatus])).toEqual([
        [renewed.body.id, 'author', 'sent'],
      ]);
      expect((await accept(invitee, renewed.body.token)).body).toEqual({
        projectId: project.id,
        role: 'author',
      });
    });

    it('stores only the hash of the new token and records the renewal in the audit log', async () => {
      const lead = await registerUser(app);
      const project = await createProject(lead);
      const first = await invite(lead, project.id, uniqueEmail('audit'), 'reader');
      const renewed = await renew(lead, project.id, first.id);

      const rows = await app.db.query<Record<string, unknown>>(
        'SELECT * FROM invitations WHERE project_id = $1',
        [project.id],
      );
      expect(rows.rowCount).toBe(2);
      expect(JSON.stringify(rows.rows)).not.toContain(renewed.body.token);
      const audit = await app.db.query<{ action: string; target_id: string; data: { replaces?: string } }>(
        `SELECT action, target_id, data FROM audit_events WHERE project_id = $1 AND action LIKE 'invitation.%' ORDER BY id`,
        [project.id],
      );
      expect(audit.rows.map((row) => [row.action, row.target_id, row.data.replaces])).toEqual([
        ['invitation.created', first.id, undefined],
        ['invitation.renewed', renewed.body.id, first.id],
      ]);
    });

    it('is for leads only: other members get 403 FORBIDDEN, non-members 404 NOT_FOUND, and the link keeps working', async () => {
      const { project, lead, author, reviewer, reader } = await createTeam(app);
      const outsider = await registerUser(app);
      const invitee = await registerUser(app);
      const invitation = await invite(lead, project.id, invitee.user.email, 'author');

      for (const member of [author, reviewer, reader]) {
        const res = await renew(member, project.id, invitation.id);
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('FORBIDDEN');
      }
      const res = await renew(outsider, project.id, invitation.id);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
      const anonymous = await new HttpClient(app.origin).post<ErrorBody>(
        `/api/projects/${project.id}/invitations/${invitation.id}/renew`,
      );
      expect(anonymous.status).toBe(401);
      expect((await accept(invitee, invitation.token)).status).toBe(200);
    });

    it('refuses an accepted invitation (409 INVITATION_USED), a revoked one (409 INVITATION_REVOKED), an unknown one or another project’s (404), and ids that are not UUIDs (400)', async () => {
      const lead = await registerUser(app);
      const [project, other] = [await createProject(lead), await createProject(lead)];
      const invitee = await registerUser(app);
      const accepted = await invite(lead, project.id, invitee.user.email, 'author');
      expect((await accept(invitee, accepted.token)).status).toBe(200);
      const revoked = await invite(lead, project.id, uniqueEmail('revoked'), 'author');
      expect((await lead.client.delete(`/api/projects/${project.id}/invitations/${revoked.id}`)).status).toBe(
        204,
      );
      const elsewhere = await invite(lead, other.id, uniqueEmail('elsewhere'), 'author');

      const cases: Array<[string, number, string]> = [
        [`/api/projects/${project.id}/invitations/${accepted.id}/renew`, 409, 'INVITATION_USED'],
        [`/api/projects/${project.id}/invitations/${revoked.id}/renew`, 409, 'INVITATION_REVOKED'],
        [`/api/projects/${project.id}/invitations/${randomUUID()}/renew`, 404, 'NOT_FOUND'],
        [`/api/projects/${project.id}/invitations/${elsewhere.id}/renew`, 404, 'NOT_FOUND'],
        [`/api/projects/${project.id}/invitations/not-a-uuid/renew`, 400, 'VALIDATION'],
      ];
      for (const [path, status, code] of cases) {
        const res = await lead.client.post<ErrorBody>(path);
        expect([path, res.status, res.body.error.code]).toEqual([path, status, code]);
      }
      expect((await openInvitations(lead, other.id)).map((i) => i.id)).toEqual([elsewhere.id]);
    });

    it('lets exactly one of two renewals at once succeed', async () => {
      const lead = await registerUser(app);
      const project = await createProject(lead);
      const invitation = await invite(lead, project.id, uniqueEmail('twice'), 'author');
      const answers = await Promise.all([
        renew(lead, project.id, invitation.id),
        renew(lead, project.id, invitation.id),
      ]);
      expect(answers.map((res) => res.status).sort()).toEqual([201, 409]);
      expect((await openInvitations(lead, project.id)).map((i) => i.id)).toEqual(
        answers.filter((res) => res.status === 201).map((res) => res.body.id),
      );
    });
  });

  it('e-mails no link to a host the request chose: without PUBLIC_ORIGIN, a request to another host gets `off`, and no mail goes out', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    const email = uniqueEmail('poison');
    const host = 'kapitel.attacker.example';
    const answer = await new Promise<{ status: number; body: CreatedInvitation }>((resolve, reject) => {
      const req = httpRequest(
        `${app.origin}/api/projects/${project.id}/invitations`,
        {
          method: 'POST',
          headers: {
            host,
            origin: `http://${host}`,
            cookie: lead.client.cookie ?? '',
            'content-type': 'application/json',
          },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(body) as CreatedInvitation }),
          );
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ email, role: 'author' }));
    });
    expect(answer.status).toBe(201);
    expect(answer.body.emailStatus).toBe('off');
    // Mails go out in order: once a later one is here, one for `email` would have been too.
    const later = uniqueEmail('later');
    await invite(lead, project.id, later, 'reader');
    await receiver.nextMailTo(later);
    expect(receiver.mailsTo(email)).toEqual([]);
    expect((await openInvitations(lead, project.id)).find((i) => i.email === email)?.emailStatus).toBe('off');
  });
});

describe('invitation e-mails behind PUBLIC_ORIGIN', () => {
  it('builds the mailed link from PUBLIC_ORIGIN', async () => {
    const publicOrigin = 'https://kapitel.example.org';
    const receiver = await MailReceiver.start();
    const app = await startTestApp({ ...LIMITS_OFF, smtp: receiver.smtp, publicOrigin });
    try {
      const lead = new HttpClient(app.origin);
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
      const email = uniqueEmail('guest');
      const res = await lead.post<CreatedInvitation>(
        `/api/projects/${project.body.project.id}/invitations`,
        { email, role: 'reader' },
        { origin: publicOrigin },
      );
      expect(res.status).toBe(201);
      expect(res.body.emailStatus).toBe('sent');
      expect(linkIn(await receiver.nextMailTo(email))).toBe(`${publicOrigin}/invite/${res.body.token}`);
    } finally {
      await app.close();
      await receiver.close();
    }
  });
});

describe('invitation e-mails when the mail server cannot be reached', () => {
  let app: TestApp;

  beforeAll(async () => {
    // A port that was just free: nothing listens there any more, so connecting is refused.
    const gone = await MailReceiver.start();
    const smtp = gone.smtp;
    await gone.close();
    app = await startTestApp({ ...LIMITS_OFF, smtp });
  });
  afterAll(async () => {
    await app.close();
  });

  it('still creates the invitation, says the mail failed, and its link works', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    const invitee = await registerUser(app);

    const created = await lead.client.post<CreatedInvitation>(`/api/projects/${project.id}/invitations`, {
      email: invitee.user.email,
      role: 'author',
    });
    expect(created.status).toBe(201);
    expect(created.body.emailStatus).toBe('failed');
    expect(created.body.url).toBe(`${app.origin}/invite/${created.body.token}`);
    expect((await openInvitations(lead, project.id)).map((i) => [i.id, i.emailStatus])).toEqual([
      [created.body.id, 'failed'],
    ]);

    const renewed = await renew(lead, project.id, created.body.id);
    expect([renewed.status, renewed.body.emailStatus]).toEqual([201, 'failed']);
    const preview = await invitee.client.get<InvitationPreview>(`/api/invitations/${renewed.body.token}`);
    expect(preview.body.viewer).toBe('invited_account');
    expect((await accept(invitee, renewed.body.token)).body).toEqual({
      projectId: project.id,
      role: 'author',
    });
  });
});
