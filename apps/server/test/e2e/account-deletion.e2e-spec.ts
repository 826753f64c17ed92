import { encodeUpdate } from '@kapitel/collab';
import type {
  AccountDeletionPreview,
  AuditPage,
  CommentListResponse,
  CommentResponse,
  ErrorBody,
  ExportJob,
  SectionVersion,
  Transition,
} from '@kapitel/domain';
import { eventually } from '../collab-client.js';
import { openPeer, paragraphUpdate, storedRowsWith, type RawPeer } from '../collab-frames.js';
import { openEventStream, type EventStreamClient } from '../event-stream.js';
import { createParticipant, createProject, createSection, invite, PASSWORD, registerUser, uniqueEmail, type Person } from '../factories.js';
import { HttpClient } from '../http-client.js';
import { MailReceiver } from '../mail-receiver.js';
import { startTestApp, type TestApp } from '../test-app.js';

function deleteAccount(person: Person, currentPassword = PASSWORD) {
  return person.client.post<ErrorBody>('/api/me/deletion', { currentPassword });
}

/** A client holding exactly this cookie (the browser of a deleted account, still holding it). */
function withCookie(app: TestApp, cookie: string | null): HttpClient {
  const client = new HttpClient(app.origin);
  client.cookie = cookie;
  return client;
}

async function count(app: TestApp, sql: string, params: unknown[]): Promise<number> {
  const { rows } = await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return rows[0].n;
}

describe('POST /api/me/deletion: deleting one’s own account', () => {
  let receiver: MailReceiver;
  let app: TestApp;
  const peers: RawPeer[] = [];
  const streams: EventStreamClient[] = [];

  beforeAll(async () => {
    receiver = await MailReceiver.start();
    app = await startTestApp({ smtp: receiver.smtp, loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
  });
  afterEach(() => {
    peers.splice(0).forEach((peer) => peer.destroy());
    streams.splice(0).forEach((stream) => stream.close());
  });
  afterAll(async () => {
    await app.close();
    await receiver.close();
  });

  it('is refused while the person is the only lead of a project with others, naming it; allowed once another lead is appointed', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead, { title: 'Sozialbericht 2026' });
    const author = await createParticipant(app, lead, project.id, 'author');
    const solo = await createProject(lead, { title: 'Nur ich' });

    const preview = await lead.client.get<AccountDeletionPreview>('/api/me/deletion');
    expect(preview.body).toEqual({
      blocking: [{ id: project.id, title: 'Sozialbericht 2026' }],
      deletedWithAccount: [{ id: solo.id, title: 'Nur ich' }],
      left: [],
    });
    const refused = await deleteAccount(lead);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ACCOUNT_SOLE_LEAD');
    expect(refused.body.error.message).toContain('"Sozialbericht 2026"');
    expect(refused.body.error.details).toEqual([{ field: `projects.${project.id}`, message: 'Sozialbericht 2026' }]);
    // Nothing happened: the account, both projects and the membership are there.
    expect((await lead.client.get('/api/me')).status).toBe(200);
    expect(await count(app, 'projects WHERE id = ANY($1)', [[project.id, solo.id]])).toBe(2);

    expect((await lead.client.patch(`/api/projects/${project.id}/members/${author.user.id}`, { role: 'lead' })).status).toBe(200);
    expect((await lead.client.get<AccountDeletionPreview>('/api/me/deletion')).body.left).toEqual([
      { id: project.id, title: 'Sozialbericht 2026' },
    ]);
    expect((await deleteAccount(lead)).status).toBe(204);
    expect(await count(app, 'projects WHERE id = $1', [solo.id])).toBe(0);
    expect(await count(app, 'project_members WHERE project_id = $1', [project.id])).toBe(1);
    expect((await author.client.get(`/api/projects/${project.id}`)).status).toBe(200);
  });

  it('refuses a wrong password with 403 WRONG_PASSWORD at the field and deletes nothing', async () => {
    const person = await registerUser(app);
    const res = await deleteAccount(person, 'nicht das Passwort');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('WRONG_PASSWORD');
    expect(res.body.error.details).toEqual([{ field: 'currentPassword', message: 'currentPassword is wrong' }]);
    expect((await person.client.get('/api/me')).status).toBe(200);
    const empty = await person.client.post<ErrorBody>('/api/me/deletion', {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.details).toEqual([{ field: 'currentPassword', message: 'currentPassword must be a string' }]);
  });

  it('needs a session (401) and an allowed Origin (403 CSRF)', async () => {
    expect((await new HttpClient(app.origin).post('/api/me/deletion', { currentPassword: PASSWORD })).status).toBe(401);
    const person = await registerUser(app);
    const res = await person.client.post('/api/me/deletion', { currentPassword: PASSWORD }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect((await person.client.get('/api/me')).status).toBe(200);
  });

  describe('a member who leaves for good', () => {
    let lead: Person;
    let ava: Person;
    let avaElsewhere: Person;
    let projectId: string;
    let sectionId: string;
    let avaThreadId: string;
    let leaThreadId: string;
    let oldCookie: string | null;
    let soloId: string;
    let sharedId: string;
    let openInvitationId: string;
    const text = 'Absatz von Ava, der bleibt';
    const avaName = `Ava ${uniqueEmail('name').slice(5, 13)}`;
    const avaOrganisation = `Amt ${uniqueEmail('org').slice(4, 12)}`;

    beforeAll(async () => {
      lead = await registerUser(app, { name: 'Lea Leitung' });
      ({ id: projectId } = await createProject(lead, { title: 'Gemeinsamer Bericht' }));
      const avaEmail = uniqueEmail('ava');
      ava = await registerUser(app, { email: avaEmail, name: 'Ava Autorin', organisation: 'Stadt Ava' });
      // A change of her name, which the audit trail records with the names before and after.
      expect((await ava.client.patch('/api/me', { name: avaName, organisation: avaOrganisation })).status).toBe(200);
      const accepted = await ava.client.post(`/api/invitations/${(await invite(lead, projectId, avaEmail, 'author')).token}/accept`);
      expect(accepted.status).toBe(200);
      const base = `/api/projects/${projectId}/sections`;
      ({ id: sectionId } = await createSection(lead, projectId, { title: 'Ausgangslage' }));
      expect((await lead.client.patch(`${base}/${sectionId}`, { assigneeIds: [ava.user.id] })).status).toBe(200);

      // Her text, typed live and stored.
      const peer = await openPeer(app.origin, ava, sectionId);
      peer.send(encodeUpdate(paragraphUpdate(text)));
      await eventually(async () => (await storedRowsWith(app.db, sectionId, text)) > 0, 'her text to be stored');
      peer.destroy();
      // Her thread with Lea's reply, and Lea's thread that she resolved.
      const avaThread = await ava.client.post<CommentResponse>(`${base}/${sectionId}/comments`, { body: 'Zahlen folgen.' });
      avaThreadId = avaThread.body.comment.id;
      expect((await lead.client.post(`${base}/${sectionId}/comments`, { body: 'Danke!', parentId: avaThreadId })).status).toBe(201);
      const leaThread = await lead.client.post<CommentResponse>(`${base}/${sectionId}/comments`, { body: 'Quelle fehlt.' });
      leaThreadId = leaThread.body.comment.id;
      expect((await ava.client.post(`${base}/${sectionId}/comments/${leaThreadId}/resolve`)).status).toBe(200);
      // A version she named, the step of the review she took, an export she started.
      expect((await ava.client.post(`${base}/${sectionId}/versions`, { label: 'Avas Entwurf' })).status).toBe(201);
      expect((await ava.client.post(`${base}/${sectionId}/transitions`, { action: 'submit' })).status).toBe(200);
      expect((await ava.client.post(`/api/projects/${projectId}/exports`, { mode: 'draft' })).status).toBe(202);
      // A project of her own, an invitation waiting for her, and a reset link.
      ({ id: soloId } = await createProject(ava, { title: 'Avas Notizen' }));
      // A project she started and leads with Lea, with an invitation of hers still open.
      ({ id: sharedId } = await createProject(ava, { title: 'Avas Projekt mit Lea' }));
      const coLead = await lead.client.post(`/api/invitations/${(await invite(ava, sharedId, lead.user.email, 'lead')).token}/accept`);
      expect(coLead.status).toBe(200);
      ({ id: openInvitationId } = await invite(ava, sharedId, uniqueEmail('offen'), 'reader'));
      const other = await createProject(lead, { title: 'Noch ein Bericht' });
      await invite(lead, other.id, avaEmail, 'reader');
      expect((await new HttpClient(app.origin).post('/api/auth/password-reset', { email: avaEmail })).status).toBe(202);
      await receiver.nextMailTo(avaEmail);
      const second = new HttpClient(app.origin);
      expect((await second.post('/api/auth/login', { email: avaEmail, password: PASSWORD })).status).toBe(200);
      avaElsewhere = { client: second, user: ava.user };
      oldCookie = ava.client.cookie;
    });

    it('ends every session and closes her live connections, then answers 204 and clears the cookie', async () => {
      const peer = await openPeer(app.origin, avaElsewhere, sectionId);
      peers.push(peer);
      const stream = await openEventStream(app.origin, avaElsewhere, projectId);
      streams.push(stream);
      await eventually(() => stream.events.some((e) => e.event === 'ready'), 'her stream to open');

      const res = await deleteAccount(ava);

      expect(res.status).toBe(204);
      expect(res.headers.get('set-cookie')).toMatch(/^kapitel_session=;/);
      expect([4401, 4403]).toContain((await peer.closed()).code);
      await stream.ended;
      expect(stream.events.map((e) => e.event)[0]).toBe('ready');
      // The project's members changed (her invitation is gone), which the stream may pass on
      // first; then it ends, saying why.
      const after = stream.events.slice(1).filter((e) => e.event !== 'change');
      expect(['signed-out', 'revoked']).toContain(after[0]?.event);
      for (const client of [withCookie(app, oldCookie), avaElsewhere.client]) {
        expect((await client.get('/api/me')).status).toBe(401);
        expect((await client.get(`/api/projects/${projectId}`)).status).toBe(401);
      }
      expect((await new HttpClient(app.origin).post('/api/auth/login', { email: ava.user.email, password: PASSWORD })).status).toBe(401);
    });

    it('removes her personal data: account, sessions, reset links, notifications, invitations, memberships, her own project', async () => {
      const id = ava.user.id;
      expect(await count(app, 'users WHERE id = $1 OR email = $2', [id, ava.user.email])).toBe(0);
      expect(await count(app, 'sessions WHERE user_id = $1', [id])).toBe(0);
      expect(await count(app, 'password_resets WHERE user_id = $1', [id])).toBe(0);
      expect(await count(app, 'notifications WHERE user_id = $1', [id])).toBe(0);
      expect(await count(app, 'invitations WHERE email = $1', [ava.user.email])).toBe(0);
      expect(await count(app, 'project_members WHERE user_id = $1', [id])).toBe(0);
      expect(await count(app, 'section_assignees WHERE user_id = $1', [id])).toBe(0);
      expect(await count(app, 'projects WHERE id = $1', [soloId])).toBe(0);
      // The audit trail keeps its entries, but none names her or her address any more.
      expect(await count(app, 'audit_events WHERE actor_id = $1', [id])).toBeGreaterThan(0);
      // (Up to the deletion: the sign-in tried with her address afterwards is an event of its own.)
      const upToDeletion = `id <= (SELECT id FROM audit_events WHERE action = 'user.deleted' AND actor_id = $1)`;
      expect(await count(app, `audit_events WHERE ${upToDeletion} AND data::text LIKE '%' || $2 || '%'`, [id, ava.user.email])).toBe(0);
      expect(
        await count(app, `audit_events WHERE ${upToDeletion} AND (data::text LIKE '%' || $2 || '%' OR data::text LIKE '%' || $3 || '%')`, [
          id,
          avaName,
          avaOrganisation,
        ]),
      ).toBe(0);
      const { rows } = await app.db.query<{ data: unknown }>(`SELECT data FROM audit_events WHERE action = 'user.deleted' AND actor_id = $1`, [id]);
      expect(rows).toEqual([{ data: { projectsLeft: [sharedId, projectId], projectsDeleted: [soloId], endedSessions: 2 } }]);
    });

    it('keeps her work for the others: text, comments, resolution, review history, versions, exports, audit, without her name', async () => {
      const base = `/api/projects/${projectId}/sections/${sectionId}`;
      const content = await lead.client.get<{ text: string }>(`${base}/content`);
      expect(content.body.text).toContain(text);

      const threads = (await lead.client.get<CommentListResponse>(`${base}/comments?status=all`)).body.threads;
      const hers = threads.find((thread) => thread.id === avaThreadId);
      expect(hers).toMatchObject({ body: 'Zahlen folgen.', author: null, abilities: { edit: false } });
      expect(hers?.replies.map((reply) => [reply.body, reply.author?.name])).toEqual([['Danke!', 'Lea Leitung']]);
      const resolved = threads.find((thread) => thread.id === leaThreadId);
      expect(resolved?.resolvedAt).not.toBeNull();
      expect(resolved?.resolvedBy).toBeNull();
      expect(resolved?.author?.name).toBe('Lea Leitung');
      // Lea may still answer her thread (no notification has anyone to go to).
      expect((await lead.client.post(`${base}/comments`, { body: 'Noch offen?', parentId: avaThreadId })).status).toBe(201);

      const history = (await lead.client.get<Transition[]>(`${base}/transitions`)).body;
      expect(history.map((step) => [step.action, step.actorId, step.actorName])).toEqual([['submit', null, null]]);
      const versions = (await lead.client.get<SectionVersion[]>(`${base}/versions`)).body;
      const named = versions.find((version) => version.label === 'Avas Entwurf');
      expect(named).toMatchObject({ createdBy: null, createdByName: null });
      expect((await lead.client.get(`${base}/versions/${named?.id}`)).status).toBe(200);
      const exports = (await lead.client.get<ExportJob[]>(`/api/projects/${projectId}/exports`)).body;
      expect(exports.map((job) => job.createdByName)).toEqual([null]);

      const audit = (await lead.client.get<AuditPage>(`/api/projects/${projectId}/audit`)).body.events;
      const left = audit.find((event) => event.action === 'member.removed');
      expect(left).toMatchObject({ actorId: ava.user.id, actorName: null, targetId: ava.user.id });
    });

    it('keeps the project she started with its other lead, and revokes the invitation she sent', async () => {
      const project = await lead.client.get<{ project: { title: string } }>(`/api/projects/${sharedId}`);
      expect(project.body.project.title).toBe('Avas Projekt mit Lea');
      const { rows } = await app.db.query<{ created_by: string | null }>('SELECT created_by FROM projects WHERE id = $1', [sharedId]);
      expect(rows).toEqual([{ created_by: null }]);
      const invitation = await app.db.query<{ invited_by: string | null; revoked: boolean }>(
        'SELECT invited_by, revoked_at IS NOT NULL AS revoked FROM invitations WHERE id = $1',
        [openInvitationId],
      );
      expect(invitation.rows).toEqual([{ invited_by: null, revoked: true }]);
      expect((await lead.client.get<unknown[]>(`/api/projects/${sharedId}/invitations`)).body).toEqual([]);
      // The project's audit trail says what became of the link, and why.
      const audit = (await lead.client.get<AuditPage>(`/api/projects/${sharedId}/audit`)).body.events;
      expect(audit.filter((event) => event.action === 'invitation.revoked')).toMatchObject([
        { targetType: 'invitation', targetId: openInvitationId, data: { reason: 'account_deleted' } },
      ]);
    });

    it('lets her address register again, as a new account', async () => {
      const again = await registerUser(app, { email: ava.user.email, name: 'Ava Neu' });
      expect(again.user.id).not.toBe(ava.user.id);
      expect((await again.client.get(`/api/projects/${projectId}`)).status).toBe(404);
    });
  });
});
