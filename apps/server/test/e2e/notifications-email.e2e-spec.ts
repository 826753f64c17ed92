import type { AddressInfo } from 'node:net';
import type { CommentResponse, Section } from '@kapitel/domain';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { NotificationService } from '../../src/modules/notifications/notification.service.js';
import { eventually } from '../collab-client.js';
import { pause } from '../collab-frames.js';
import { createParticipant, createProject, createSection, createTeam, registerUser, type Person } from '../factories.js';
import { readMessage } from '../mail-receiver.js';
import { LogCapture, startTestApp, type TestApp } from '../test-app.js';

/** A message as the local SMTP server received it, decoded enough to read. */
interface Received {
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** Notifications of the recipient already committed when the message arrived. */
  committedNotifications: number;
}

/**
 * Notification e-mails through a local SMTP server (the `smtp-server` package on a free
 * port): sent after the transaction commits, in the project's language, with a link to the
 * section; a failing server changes nothing but a log line.
 */
describe('notification e-mail', () => {
  let smtp: SMTPServer;
  let port: number;
  let app: TestApp;
  const received: Received[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === 'kapitel' && auth.password === 'geheim') {
          callback(null, { user: 'kapitel' });
        } else {
          callback(new Error('Invalid username or password'));
        }
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const message = readMessage(Buffer.concat(chunks).toString('latin1'));
          const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
          void app.db
            .query<{ n: number }>(
              'SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = ANY($1)',
              [to],
            )
            .then(({ rows }) => {
              received.push({ ...message, to, committedNotifications: rows[0]?.n ?? -1 });
              callback();
            });
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    port = (smtp.server.address() as AddressInfo).port;
    app = await startTestApp({
      loginRateLimitPerIp: 100_000,
      invitationRateLimitPerHour: 100_000,
      smtp: { url: `smtp://kapitel:geheim@127.0.0.1:${port}`, from: 'Kapitel <kapitel@example.org>' },
    });
  });
  afterAll(async () => {
    await app.close();
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  // The invitation that brought a person into a project is mailed too (docs/invitations.md):
  // that is not a notification, and this spec counts notifications.
  const isInvitation = (mail: Received) => mail.text.includes('/invite/');
  const mailsTo = (person: Person) =>
    received.filter((mail) => mail.to.includes(person.user.email) && !isInvitation(mail));

  it('mails a mention in German, after the notification committed, with a link to the section', async () => {
    const { lead, author, reviewer, project } = await createTeam(app);
    const section = await createSection(lead, project.id, { title: 'Ausgangslage' });
    const body = `@${author.user.name} Welche Stadt ist gemeint? <b>nicht fett</b>`;
    const res = await reviewer.client.post<CommentResponse>(commentsPath(section), { body });
    expect(res.status).toBe(201);
    await eventually(() => mailsTo(author).length === 1, 'the mail to the author', 15_000);
    const [mail] = mailsTo(author);
    expect(mail?.from).toBe('Kapitel <kapitel@example.org>');
    expect(mail?.subject).toBe(`[${project.title}] ${reviewer.user.name} hat Sie in „Ausgangslage“ erwähnt`);
    expect(mail?.text.split('\n')).toEqual([
      `Hallo ${author.user.name},`,
      '',
      `${reviewer.user.name} hat Sie in „Ausgangslage“ erwähnt.`,
      '',
      body,
      '',
      'Zum Abschnitt:',
      `${app.origin}/projects/${project.id}/sections/${section.id}`,
      '',
      '-- ',
      `Kapitel · ${project.title}`,
      'Diese Nachricht wurde automatisch versandt.',
    ]);
    expect(mail?.committedNotifications).toBe(1);
    // Nobody else was mentioned or notified, the actor least of all.
    await pause(500);
    expect(mailsTo(reviewer)).toEqual([]);
    expect(mailsTo(lead)).toEqual([]);
    expect(mailsTo(author)).toHaveLength(1);
  });

  it('mails an assignment in English when the project is English', async () => {
    const lead = await registerUser(app, { name: 'Lea Lead' });
    const project = await createProject(lead, { title: 'Open Source Report', language: 'en' });
    const author = await createParticipant(app, lead, project.id, 'author');
    const section = await createSection(lead, project.id, { title: 'Case studies' });
    const res = await lead.client.patch(`/api/projects/${project.id}/sections/${section.id}`, { assigneeIds: [author.user.id] });
    expect(res.status).toBe(200);
    await eventually(() => mailsTo(author).length === 1, 'the mail to the author', 15_000);
    const [mail] = mailsTo(author);
    expect(mail?.subject).toBe('[Open Source Report] Lea Lead assigned “Case studies” to you');
    expect(mail?.text).toContain(`Hello ${author.user.name},\n\nLea Lead assigned “Case studies” to you.\n\nOpen the section:\n`);
    expect(mail?.text).toContain('This message was sent automatically.');
  });

  it('mails the assignees what a reviewer asks to change, the note in full in the body', async () => {
    const { lead, author, reviewer, project } = await createTeam(app);
    const section = await createSection(lead, project.id, { title: 'Ausgangslage' });
    const path = `/api/projects/${project.id}/sections/${section.id}`;
    expect((await lead.client.patch(path, { assigneeIds: [author.user.id], reviewerId: reviewer.user.id })).status).toBe(200);
    expect((await author.client.post(`${path}/transitions`, { action: 'submit' })).status).toBe(200);
    const note = 'Bitte die Tabelle um die Spalte „Jahr“ ergänzen.\nDanach gern erneut einreichen.';
    expect((await reviewer.client.post(`${path}/transitions`, { action: 'request_changes', note })).status).toBe(200);
    const asked = () => mailsTo(author).filter((mail) => mail.subject.includes('Änderungen'));
    await eventually(() => asked().length === 1, 'the mail about the changes', 15_000);
    expect(asked()[0]?.subject).toBe(
      `[${project.title}] ${reviewer.user.name} hat Änderungen an „Ausgangslage“ angefordert`,
    );
    expect(asked()[0]?.text).toContain(
      `${reviewer.user.name} hat Änderungen an „Ausgangslage“ angefordert.\n\nAnmerkung:\n${note}\n\nZum Abschnitt:`,
    );
  });

  it('sends nothing for a request that fails, and nothing to a non-member', async () => {
    const { lead, author, project } = await createTeam(app);
    const outsider = await registerUser(app, { name: 'Otto Außen' });
    const section = await createSection(lead, project.id);
    const refused = await lead.client.patch(`/api/projects/${project.id}/sections/${section.id}`, {
      assigneeIds: [author.user.id, outsider.user.id],
    });
    expect(refused.status).toBe(400);
    const mention = await lead.client.post(commentsPath(section), { body: `@${outsider.user.name} schau mal` });
    expect(mention.status).toBe(201);
    await pause(1000);
    expect(mailsTo(author)).toEqual([]);
    expect(mailsTo(outsider)).toEqual([]);
  });

  it('drops the mails of a transaction that rolls back', async () => {
    const { lead, author, project } = await createTeam(app);
    const section = await createSection(lead, project.id, { title: 'Zurückgerollt' });
    const notifications = app.app.get(NotificationService);
    const db = app.app.get(DataSource);
    const event = { kind: 'approved' as const, projectId: project.id, sectionId: section.id, actorId: lead.user.id };
    await expect(
      db.transaction(async (em) => {
        expect(await notifications.notify(event, [author.user.id], em)).toEqual([author.user.id]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    // A committed event afterwards is mailed; the rolled-back one never is.
    const res = await lead.client.patch(`/api/projects/${project.id}/sections/${section.id}`, { assigneeIds: [author.user.id] });
    expect(res.status).toBe(200);
    await eventually(() => mailsTo(author).length === 1, 'the mail to the author', 15_000);
    await pause(500);
    expect(mailsTo(author).map((mail) => mail.subject)).toEqual([
      `[${project.title}] ${lead.user.name} hat Ihnen „Zurückgerollt“ zugewiesen`,
    ]);
    const { rows } = await app.db.query('SELECT kind FROM notifications WHERE user_id = $1', [author.user.id]);
    expect(rows).toEqual([{ kind: 'assigned' }]);
  });

  it('keeps the event when the SMTP server refuses, and logs the failure without the password', async () => {
    const logs = new LogCapture();
    const failing = await startTestApp(
      {
        logLevel: 'warn',
        loginRateLimitPerIp: 100_000,
        invitationRateLimitPerHour: 100_000,
        smtp: { url: `smtp://kapitel:falsch-${port}@127.0.0.1:${port}`, from: 'kapitel@example.org' },
      },
      undefined,
      logs,
    );
    try {
      const { lead, author, reviewer, project } = await createTeam(failing);
      const section = await createSection(lead, project.id);
      const res = await reviewer.client.post(commentsPath(section), { body: `@${author.user.name} bitte prüfen` });
      expect(res.status).toBe(201);
      await eventually(() => logs.text.includes('A notification e-mail could not be sent'), 'the logged failure', 15_000);
      const { rows } = await failing.db.query('SELECT kind FROM notifications WHERE user_id = $1', [author.user.id]);
      expect(rows).toEqual([{ kind: 'mention' }]);
      expect(logs.text).not.toContain(`falsch-${port}`);
      expect(mailsTo(author)).toEqual([]);
    } finally {
      await failing.close();
    }
  });
});

function commentsPath(section: Section): string {
  return `/api/projects/${section.projectId}/sections/${section.id}/comments`;
}
