import type { ChangeEmailResponse, ErrorBody, User } from '@kapitel/domain';
import { PASSWORD, registerUser, uniqueEmail, type Person } from '../factories.js';
import { HttpClient } from '../http-client.js';
import { MailReceiver } from '../mail-receiver.js';
import { startTestApp, type TestApp } from '../test-app.js';

/** The same person signed in a second time (another browser): a session of its own. */
async function signInAgain(app: TestApp, person: Person): Promise<Person> {
  const client = new HttpClient(app.origin);
  const res = await client.post('/api/auth/login', { email: person.user.email, password: PASSWORD });
  if (res.status !== 200) {
    throw new Error(`login failed: ${res.status}`);
  }
  return { client, user: person.user };
}

async function loginStatus(app: TestApp, email: string): Promise<number> {
  return (await new HttpClient(app.origin).post('/api/auth/login', { email, password: PASSWORD })).status;
}

function changeEmail(person: Person, body: Record<string, unknown>) {
  return person.client.post<ChangeEmailResponse & ErrorBody>('/api/me/email', body);
}

describe('POST /api/me/email: a new address for the account', () => {
  let receiver: MailReceiver;
  let app: TestApp;

  beforeAll(async () => {
    receiver = await MailReceiver.start();
    app = await startTestApp({ smtp: receiver.smtp, loginRateLimitPerEmail: 3, loginRateLimitPerIp: 100_000 });
  });
  afterAll(async () => {
    await app.close();
    await receiver.close();
  });

  it('normalises the address like registration, ends the other sessions, audits, and tells the old address without a link', async () => {
    const person = await registerUser(app, { name: 'Emil Wechsel' });
    const other = await signInAgain(app, person);
    const oldEmail = person.user.email;
    const newEmail = uniqueEmail('neu');

    const res = await changeEmail(person, { newEmail: `  ${newEmail.toUpperCase()} `, currentPassword: PASSWORD });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ user: { ...person.user, email: newEmail }, endedSessions: 1 });
    expect((await person.client.get<{ user: User }>('/api/me')).body.user.email).toBe(newEmail);
    expect((await other.client.get('/api/me')).status).toBe(401);
    expect(await loginStatus(app, newEmail)).toBe(200);
    expect(await loginStatus(app, oldEmail)).toBe(401);
    const { rows } = await app.db.query<{ data: unknown }>(
      `SELECT data FROM audit_events WHERE actor_id = $1 AND action = 'user.email_changed'`,
      [person.user.id],
    );
    expect(rows).toEqual([{ data: { before: oldEmail, after: newEmail, endedSessions: 1 } }]);

    const mail = await receiver.nextMailTo(oldEmail);
    expect(mail.subject).toBe('Kapitel: Ihre E-Mail-Adresse wurde geändert');
    expect(mail.text).toContain('Hallo Emil Wechsel,');
    expect(mail.text).toContain('Ihre E-Mail-Adresse bei Kapitel wurde geändert.');
    expect(mail.text).toContain(newEmail);
    expect(mail.text).toContain('wenden Sie sich bitte sofort an die Person, die Kapitel bei Ihnen betreibt');
    expect(mail.text).not.toMatch(/https?:\/\//);
    expect(receiver.mailsTo(newEmail)).toEqual([]);
  });

  it('writes the notice in English when asked', async () => {
    const person = await registerUser(app, { name: 'Ella English' });
    const res = await changeEmail(person, { newEmail: uniqueEmail('en'), currentPassword: PASSWORD, language: 'en' });
    expect(res.status).toBe(200);
    const mail = await receiver.nextMailTo(person.user.email);
    expect(mail.subject).toBe('Kapitel: your e-mail address was changed');
    expect(mail.text).toContain('If this was not you, please contact whoever runs Kapitel for you at once.');
  });

  it('refuses an address another account has (in any case) with 409 EMAIL_TAKEN at the field, and changes nothing', async () => {
    const [person, taken] = await Promise.all([registerUser(app), registerUser(app)]);
    const other = await signInAgain(app, person);
    const res = await changeEmail(person, { newEmail: taken.user.email.toUpperCase(), currentPassword: PASSWORD });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('EMAIL_TAKEN');
    expect(res.body.error.details).toEqual([{ field: 'newEmail', message: 'newEmail is taken' }]);
    expect((await person.client.get<{ user: User }>('/api/me')).body.user.email).toBe(person.user.email);
    expect((await other.client.get('/api/me')).status).toBe(200);
  });

  it('refuses a wrong password with 403 WRONG_PASSWORD at the field, audits it, and changes nothing', async () => {
    const person = await registerUser(app);
    const other = await signInAgain(app, person);
    const res = await changeEmail(person, { newEmail: uniqueEmail('nein'), currentPassword: 'nicht das Passwort' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('WRONG_PASSWORD');
    expect(res.body.error.details).toEqual([{ field: 'currentPassword', message: 'currentPassword is wrong' }]);
    expect((await person.client.get<{ user: User }>('/api/me')).body.user.email).toBe(person.user.email);
    expect((await other.client.get('/api/me')).status).toBe(200);
    const { rows } = await app.db.query(`SELECT 1 FROM audit_events WHERE actor_id = $1 AND action = 'email.change_failed'`, [
      person.user.id,
    ]);
    expect(rows).toHaveLength(1);
  });

  it.each([
    [{ newEmail: 'keine-adresse', currentPassword: PASSWORD }, 'newEmail', 'newEmail must be a valid email address'],
    [{ newEmail: uniqueEmail(), currentPassword: '' }, 'currentPassword', 'currentPassword must not be empty'],
    [{ newEmail: uniqueEmail(), currentPassword: PASSWORD, language: 'fr' }, 'language', 'language must be one of de, en'],
  ])('refuses %j with 400 naming the field', async (body, field, message) => {
    const person = await registerUser(app);
    const res = await changeEmail(person, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.details).toEqual([{ field, message }]);
  });

  it('refuses the current address itself with 400 at newEmail', async () => {
    const person = await registerUser(app);
    const res = await changeEmail(person, { newEmail: person.user.email.toUpperCase(), currentPassword: PASSWORD });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field: 'newEmail', message: 'newEmail is the current address of this account' }]);
  });

  it('counts wrong passwords on the sign-in budget of the address: 429 beyond it', async () => {
    const person = await registerUser(app);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await changeEmail(person, { newEmail: uniqueEmail(), currentPassword: 'falsch falsch falsch' })).status);
    }
    expect(statuses).toEqual([403, 403, 403, 429]);
    expect(await loginStatus(app, person.user.email)).toBe(429);
  });

  it('needs a session (401) and an allowed Origin (403 CSRF)', async () => {
    const anonymous = new HttpClient(app.origin);
    expect((await anonymous.post('/api/me/email', { newEmail: uniqueEmail(), currentPassword: PASSWORD })).status).toBe(401);
    const person = await registerUser(app);
    const res = await person.client.post<ErrorBody>(
      '/api/me/email',
      { newEmail: uniqueEmail(), currentPassword: PASSWORD },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF');
  });
});
