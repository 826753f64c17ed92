import { CLOSE } from '@kapitel/collab';
import type { EndedSessionsResponse, ErrorBody, User } from '@kapitel/domain';
import { eventually } from '../collab-client.js';
import { openPeer, type RawPeer } from '../collab-frames.js';
import { openEventStream, type EventStreamClient } from '../event-stream.js';
import { createProject, createSection, PASSWORD, registerUser, type Person } from '../factories.js';
import { HttpClient } from '../http-client.js';
import { startTestApp, type TestApp } from '../test-app.js';

const NEW_PASSWORD = 'ein ganz neues Passwort 456';

/** The same person signed in a second time (another browser): a session of its own. */
async function signInAgain(app: TestApp, person: Person, password = PASSWORD): Promise<Person> {
  const client = new HttpClient(app.origin);
  const res = await client.post('/api/auth/login', { email: person.user.email, password });
  if (res.status !== 200) {
    throw new Error(`login failed: ${res.status}`);
  }
  return { client, user: person.user };
}

async function loginStatus(app: TestApp, email: string, password: string): Promise<number> {
  return (await new HttpClient(app.origin).post('/api/auth/login', { email, password })).status;
}

async function auditActions(app: TestApp, userId: string): Promise<string[]> {
  const { rows } = await app.db.query<{ action: string }>(`SELECT action FROM audit_events WHERE actor_id = $1 ORDER BY id`, [userId]);
  return rows.map((row) => row.action);
}

describe('the account of the signed-in user (/api/me)', () => {
  let app: TestApp;
  const peers: RawPeer[] = [];
  const streams: EventStreamClient[] = [];

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerEmail: 4, loginRateLimitPerIp: 100_000 });
  });
  afterEach(() => {
    peers.splice(0).forEach((peer) => peer.destroy());
    streams.splice(0).forEach((stream) => stream.close());
  });
  afterAll(async () => {
    await app.close();
  });

  describe('PATCH /api/me', () => {
    it('changes name and organisation (trimmed), answers the user, and audits before and after', async () => {
      const person = await registerUser(app, { name: 'Anna Alt', organisation: 'Stadt Alt' });
      const res = await person.client.patch<{ user: User }>('/api/me', { name: '  Anna Neu ', organisation: ' Kreis Neu ' });
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ id: person.user.id, email: person.user.email, name: 'Anna Neu', organisation: 'Kreis Neu' });
      expect((await person.client.get<{ user: User }>('/api/me')).body.user.name).toBe('Anna Neu');
      const { rows } = await app.db.query<{ data: unknown }>(`SELECT data FROM audit_events WHERE actor_id = $1 AND action = 'user.updated'`, [person.user.id]);
      expect(rows).toEqual([{ data: { before: { name: 'Anna Alt', organisation: 'Stadt Alt' }, after: { name: 'Anna Neu', organisation: 'Kreis Neu' } } }]);
    });

    it('keeps what is left out, and removes the organisation with "" or null', async () => {
      const person = await registerUser(app, { name: 'Ben Bleibt', organisation: 'Amt' });
      expect((await person.client.patch<{ user: User }>('/api/me', { organisation: '' })).body.user).toMatchObject({ name: 'Ben Bleibt', organisation: null });
      await person.client.patch('/api/me', { organisation: 'Amt' });
      expect((await person.client.patch<{ user: User }>('/api/me', { organisation: null })).body.user.organisation).toBeNull();
    });

    it.each([
      [{ name: '   ' }, 'name', 'name must not be empty'],
      [{ name: null }, 'name', 'name must be a string'],
      [{ name: 'x'.repeat(121) }, 'name', 'name must be shorter than or equal to 120 characters'],
      [{ name: 'Eva\u202Erelleum' }, 'name', 'name must not contain text direction controls (U+202A–U+202E, U+2066–U+2069)'],
      [{ name: '\u200B\u200C' }, 'name', 'name must not be empty (it holds only invisible characters)'],
      [{ organisation: 'Amt\u001B[31m' }, 'organisation', 'organisation must not contain control characters (tabs and line breaks included)'],
      [{ organisation: 'x'.repeat(201) }, 'organisation', 'organisation must be shorter than or equal to 200 characters'],
      [{ email: 'neu@example.org' }, 'email', 'property email should not exist'],
    ])('refuses %j with 400 naming the field, as registration would', async (body, field, message) => {
      const person = await registerUser(app);
      const res = await person.client.patch<ErrorBody>('/api/me', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION');
      expect(res.body.error.details).toEqual([{ field, message }]);
      expect((await person.client.get<{ user: User }>('/api/me')).body.user).toEqual(person.user);
    });

    it('needs a session (401) and an allowed Origin (403 CSRF)', async () => {
      expect((await new HttpClient(app.origin).patch<ErrorBody>('/api/me', { name: 'X' })).status).toBe(401);
      const person = await registerUser(app);
      const foreign = await person.client.patch<ErrorBody>('/api/me', { name: 'X' }, { origin: 'https://evil.example' });
      expect(foreign.status).toBe(403);
      expect(foreign.body.error.code).toBe('CSRF');
    });
  });

  describe('POST /api/me/password', () => {
    it('sets the new password, keeps this session, ends the others, and audits it', async () => {
      const person = await registerUser(app);
      const [other, third] = await Promise.all([signInAgain(app, person), signInAgain(app, person)]);

      const res = await person.client.post<EndedSessionsResponse>('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });

      expect(res.status).toBe(200);
      expect(res.body).toEqual({ endedSessions: 2 });
      expect((await person.client.get('/api/me')).status).toBe(200);
      expect((await other.client.get('/api/me')).status).toBe(401);
      expect((await third.client.get('/api/me')).status).toBe(401);
      expect(await loginStatus(app, person.user.email, PASSWORD)).toBe(401);
      expect(await loginStatus(app, person.user.email, NEW_PASSWORD)).toBe(200);
      expect(await auditActions(app, person.user.id)).toContain('password.changed');
    });

    it('closes the other sessions’ live connections like a logout: WebSocket 4401, event stream signed-out', async () => {
      const person = await registerUser(app);
      const project = await createProject(person);
      const { id: sectionId } = await createSection(person, project.id);
      const other = await signInAgain(app, person);
      const [mine, theirs] = await Promise.all([openPeer(app.origin, person, sectionId), openPeer(app.origin, other, sectionId)]);
      peers.push(mine, theirs);
      const [myStream, theirStream] = await Promise.all([
        openEventStream(app.origin, person, project.id),
        openEventStream(app.origin, other, project.id),
      ]);
      streams.push(myStream, theirStream);
      await eventually(() => [myStream, theirStream].every((s) => s.events.some((e) => e.event === 'ready')), 'both streams to open');

      expect((await person.client.post('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(200);

      expect((await theirs.closed()).code).toBe(CLOSE.sessionEnded);
      await theirStream.ended;
      expect(theirStream.events.map((e) => e.event)).toEqual(['ready', 'signed-out']);
      // This session's connections stay and keep hearing changes.
      await mine.roundTrip();
      expect(mine.open).toBe(true);
      await person.client.patch(`/api/projects/${project.id}`, { title: 'Noch da' });
      await eventually(() => myStream.events.some((e) => e.event === 'change'), 'this session’s stream to hear the change');
    });

    it('refuses a wrong current password with 403 WRONG_PASSWORD and changes nothing', async () => {
      const person = await registerUser(app);
      const other = await signInAgain(app, person);
      const res = await person.client.post<ErrorBody>('/api/me/password', { currentPassword: 'nicht das Passwort', newPassword: NEW_PASSWORD });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('WRONG_PASSWORD');
      expect(res.body.error.details).toEqual([{ field: 'currentPassword', message: 'currentPassword is wrong' }]);
      expect((await other.client.get('/api/me')).status).toBe(200);
      expect(await loginStatus(app, person.user.email, PASSWORD)).toBe(200);
      expect(await auditActions(app, person.user.id)).toContain('password.change_failed');
    });

    it.each([
      [{ currentPassword: PASSWORD, newPassword: 'zu kurz' }, 'newPassword', 'newPassword must be at least 12 characters long'],
      [{ currentPassword: PASSWORD, newPassword: 'x'.repeat(1025) }, 'newPassword', 'newPassword must be shorter than or equal to 1024 characters'],
      [{ currentPassword: '', newPassword: NEW_PASSWORD }, 'currentPassword', 'currentPassword must not be empty'],
      [{ newPassword: NEW_PASSWORD }, 'currentPassword', 'currentPassword must be a string'],
    ])('refuses %j with 400 naming the field (the registration’s password rules)', async (body, field, message) => {
      const person = await registerUser(app);
      const res = await person.client.post<ErrorBody>('/api/me/password', body);
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([{ field, message }]);
    });

    it('counts wrong current passwords with the failed logins of the address, then answers 429', async () => {
      const person = await registerUser(app);
      // LOGIN_RATE_LIMIT_PER_EMAIL is 4 here: two failed logins and two wrong passwords fill it.
      expect(await loginStatus(app, person.user.email, 'falsch falsch falsch')).toBe(401);
      expect(await loginStatus(app, person.user.email, 'falsch falsch falsch')).toBe(401);
      for (let i = 0; i < 2; i += 1) {
        expect((await person.client.post('/api/me/password', { currentPassword: 'falsch', newPassword: NEW_PASSWORD })).status).toBe(403);
      }
      const limited = await person.client.post<ErrorBody>('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('RATE_LIMITED');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await loginStatus(app, person.user.email, PASSWORD)).toBe(429);
    });
  });

  describe('POST /api/me/sessions/end-others', () => {
    it('ends every other session of the user (announced) and keeps this one and other people’s', async () => {
      const person = await registerUser(app);
      const project = await createProject(person);
      const { id: sectionId } = await createSection(person, project.id);
      const other = await signInAgain(app, person);
      const stranger = await registerUser(app);
      const theirs = await openPeer(app.origin, other, sectionId);
      peers.push(theirs);

      const res = await person.client.post<EndedSessionsResponse>('/api/me/sessions/end-others');

      expect(res.status).toBe(200);
      expect(res.body).toEqual({ endedSessions: 1 });
      expect((await theirs.closed()).code).toBe(CLOSE.sessionEnded);
      expect((await other.client.get('/api/me')).status).toBe(401);
      expect((await person.client.get('/api/me')).status).toBe(200);
      expect((await stranger.client.get('/api/me')).status).toBe(200);
      expect(await auditActions(app, person.user.id)).toContain('sessions.ended_others');
      // Again, with nobody else signed in: nothing to end.
      expect((await person.client.post<EndedSessionsResponse>('/api/me/sessions/end-others')).body).toEqual({ endedSessions: 0 });
    });

    it('needs a session', async () => {
      expect((await new HttpClient(app.origin).post<ErrorBody>('/api/me/sessions/end-others')).status).toBe(401);
    });
  });
});
