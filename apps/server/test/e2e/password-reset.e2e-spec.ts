import { execFile } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { CLOSE } from '@kapitel/collab';
import type { ErrorBody, PasswordResetInfo } from '@kapitel/domain';
import { openPeer, type RawPeer } from '../collab-frames.js';
import { createProject, createSection, PASSWORD, registerUser, uniqueEmail, type Person } from '../factories.js';
import { HttpClient } from '../http-client.js';
import { linkIn, MailReceiver } from '../mail-receiver.js';
import { startTestApp, testDatabaseUrl, type TestApp } from '../test-app.js';

const NEW_PASSWORD = 'mein neues sicheres Passwort';
const CLI = fileURLToPath(new URL('../../dist/cli/password-reset-link.js', import.meta.url));

function tokenOf(link: string): string {
  return new URL(link).searchParams.get('token') ?? '';
}

async function loginStatus(app: TestApp, email: string, password: string): Promise<number> {
  return (await new HttpClient(app.origin).post('/api/auth/login', { email, password })).status;
}

function askForReset(app: TestApp, email: string, language?: 'de' | 'en') {
  return new HttpClient(app.origin).post<PasswordResetInfo>('/api/auth/password-reset', { email, ...(language ? { language } : {}) });
}

function confirm(app: TestApp, token: string, newPassword = NEW_PASSWORD) {
  return new HttpClient(app.origin).post<ErrorBody>('/api/auth/password-reset/confirm', { token, newPassword });
}

/** A GET of the info route with a Host header of the caller's choosing (as anyone can send). */
function infoForHost(app: TestApp, host: string): Promise<PasswordResetInfo> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${app.origin}/api/auth/password-reset`, { headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(JSON.parse(body) as PasswordResetInfo));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('forgotten passwords with e-mail (SMTP_URL set)', () => {
  let receiver: MailReceiver;
  let app: TestApp;
  const peers: RawPeer[] = [];

  beforeAll(async () => {
    receiver = await MailReceiver.start();
    app = await startTestApp({ smtp: receiver.smtp, loginRateLimitPerEmail: 3, loginRateLimitPerIp: 100_000 });
  });
  afterEach(() => {
    peers.splice(0).forEach((peer) => peer.destroy());
  });
  afterAll(async () => {
    await app.close();
    await receiver.close();
  });

  it('mails a link that sets the password once, ends every session of the account, and is then spent', async () => {
    const person = await registerUser(app, { name: 'Rita Reset' });
    const project = await createProject(person);
    const { id: sectionId } = await createSection(person, project.id);
    const live = await openPeer(app.origin, person, sectionId);
    peers.push(live);

    const asked = await askForReset(app, person.user.email.toUpperCase());
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ byEmail: true });
    const mail = await receiver.nextMailTo(person.user.email);
    expect(mail.subject).toBe('Kapitel: Passwort zurücksetzen');
    expect(mail.from).toBe('Kapitel <kapitel@example.org>');
    expect(mail.text).toContain('Hallo Rita Reset,');
    expect(mail.text).toContain('Der Link gilt 60 Minuten und nur einmal.');
    const link = linkIn(mail);
    expect(link).toMatch(new RegExp(`^${app.origin}/reset-password\\?token=[\\w-]{43}$`));
    // Only the token's hash is stored.
    const stored = await app.db.query<{ token_hash: string }>('SELECT token_hash FROM password_resets WHERE user_id = $1', [person.user.id]);
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]?.token_hash).not.toContain(tokenOf(link));

    expect((await confirm(app, tokenOf(link))).status).toBe(204);

    expect((await live.closed()).code).toBe(CLOSE.sessionEnded);
    expect((await person.client.get('/api/me')).status).toBe(401);
    expect(await loginStatus(app, person.user.email, PASSWORD)).toBe(401);
    expect(await loginStatus(app, person.user.email, NEW_PASSWORD)).toBe(200);
    const again = await confirm(app, tokenOf(link), 'noch ein anderes Passwort');
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('RESET_LINK_USED');
    expect(await loginStatus(app, person.user.email, NEW_PASSWORD)).toBe(200);
    const { rows } = await app.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE actor_id = $1 AND action LIKE 'password%' ORDER BY id`,
      [person.user.id],
    );
    expect(rows.map((row) => row.action)).toEqual(['password_reset.requested', 'password.reset']);
  });

  it('answers an unknown address exactly like a known one, and mails nobody', async () => {
    const known = await registerUser(app);
    const unknown = uniqueEmail('niemand');
    const forUnknown = await askForReset(app, unknown);
    const forKnown = await askForReset(app, known.user.email);
    expect([forUnknown.status, forUnknown.body]).toEqual([forKnown.status, forKnown.body]);
    expect(forUnknown.headers.get('content-type')).toBe(forKnown.headers.get('content-type'));
    // Mails go out one after another in the order asked for: once the known one is here,
    // one for the unknown address would have arrived before it.
    await receiver.nextMailTo(known.user.email);
    expect(receiver.mailsTo(unknown)).toEqual([]);
  });

  it('writes the e-mail in English when asked to', async () => {
    const person = await registerUser(app, { name: 'Eve English' });
    expect((await askForReset(app, person.user.email, 'en')).status).toBe(202);
    const mail = await receiver.nextMailTo(person.user.email);
    expect(mail.subject).toBe('Kapitel: reset your password');
    expect(mail.text).toContain('The link works for 60 minutes and only once.');
  });

  it('refuses an expired link with 400 RESET_LINK_EXPIRED and an unknown one with RESET_LINK_INVALID', async () => {
    const person = await registerUser(app);
    await askForReset(app, person.user.email);
    const token = tokenOf(linkIn(await receiver.nextMailTo(person.user.email)));
    await app.db.query(`UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [person.user.id]);

    const expired = await confirm(app, token);
    expect(expired.status).toBe(400);
    expect(expired.body.error).toMatchObject({ code: 'RESET_LINK_EXPIRED', details: [{ field: 'token', message: 'token expired' }] });
    const unknown = await confirm(app, 'A'.repeat(43));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('RESET_LINK_INVALID');
    expect(await loginStatus(app, person.user.email, PASSWORD)).toBe(200);
  });

  it('spends open links when the password is changed on the account page', async () => {
    const person = await registerUser(app);
    await askForReset(app, person.user.email);
    const token = tokenOf(linkIn(await receiver.nextMailTo(person.user.email)));
    expect((await person.client.post('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(200);
    expect((await confirm(app, token, 'ein drittes Passwort 789')).body.error.code).toBe('RESET_LINK_USED');
  });

  it.each([
    ['/api/auth/password-reset', { email: 'keine-adresse' }, 'email', 'email must be a valid email address'],
    ['/api/auth/password-reset', { email: 'a@example.org', language: 'fr' }, 'language', 'language must be one of de, en'],
    ['/api/auth/password-reset/confirm', { token: 'x', newPassword: 'kurz' }, 'newPassword', 'newPassword must be at least 12 characters long'],
    ['/api/auth/password-reset/confirm', { newPassword: NEW_PASSWORD }, 'token', 'token must be a string'],
  ])('refuses bad input to %s (%j) with 400 naming the field', async (path, body, field, message) => {
    const res = await new HttpClient(app.origin).post<ErrorBody>(path, body);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field, message }]);
  });

  it('limits reset e-mails per address, whether it has an account or not (429 with Retry-After)', async () => {
    for (const email of [(await registerUser(app)).user.email, uniqueEmail('niemand')]) {
      for (let i = 0; i < 3; i += 1) {
        expect((await askForReset(app, email)).status).toBe(202);
      }
      const limited = await askForReset(app, email);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('never builds a link from a Host header that names another machine, unless PUBLIC_ORIGIN is set', async () => {
    expect(await infoForHost(app, 'evil.example')).toEqual({ byEmail: false });
    expect(await infoForHost(app, `localhost:${new URL(app.origin).port}`)).toEqual({ byEmail: true });
    const withOrigin = await startTestApp({ smtp: receiver.smtp, publicOrigin: 'https://kapitel.example.org' });
    try {
      expect(await infoForHost(withOrigin, 'evil.example')).toEqual({ byEmail: true });
      // Registered through the first server (one database): the second one refuses its own
      // address as an Origin, as it would any but PUBLIC_ORIGIN.
      const person = await registerUser(app);
      const asked = await new HttpClient(withOrigin.origin).post('/api/auth/password-reset', { email: person.user.email }, { origin: null });
      expect(asked.status).toBe(202);
      expect(linkIn(await receiver.nextMailTo(person.user.email))).toMatch(/^https:\/\/kapitel\.example\.org\/reset-password\?token=/);
    } finally {
      await withOrigin.close();
    }
  });
});

describe('forgotten passwords without e-mail', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 2 });
  });
  afterAll(async () => {
    await app.close();
  });

  it('says that links come from the operator, stores nothing, and still limits requests per address of the caller', async () => {
    const person = await registerUser(app);
    expect((await new HttpClient(app.origin).get('/api/auth/password-reset')).body).toEqual({ byEmail: false });
    const asked = await askForReset(app, person.user.email);
    expect([asked.status, asked.body]).toEqual([202, { byEmail: false }]);
    const { rows } = await app.db.query('SELECT 1 FROM password_resets WHERE user_id = $1', [person.user.id]);
    expect(rows).toEqual([]);
    expect((await askForReset(app, uniqueEmail())).status).toBe(202);
    expect((await askForReset(app, uniqueEmail())).status).toBe(429);
  });
});

describe('the operator command password-reset-link', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  /** Runs the built command as an operator would, on the test database. */
  function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [CLI, ...args],
        { env: { PATH: process.env.PATH ?? '', DATABASE_URL: testDatabaseUrl(), ...env } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  async function signedIn(person: Person): Promise<boolean> {
    return (await person.client.get('/api/me')).status === 200;
  }

  it('prints a link for an address, without SMTP, that works once and ends the sessions', async () => {
    const person = await registerUser(app, { name: 'Olga Operator' });
    const result = await runCli([person.user.email.toUpperCase()], { PUBLIC_ORIGIN: app.origin });

    expect(result.code).toBe(0);
    const link = result.stdout.trim();
    expect(link).toMatch(new RegExp(`^${app.origin}/reset-password\\?token=[\\w-]{43}$`));
    expect(result.stderr).toContain('Olga Operator');
    expect((await confirm(app, tokenOf(link))).status).toBe(204);
    expect(await signedIn(person)).toBe(false);
    expect(await loginStatus(app, person.user.email, NEW_PASSWORD)).toBe(200);
    expect((await confirm(app, tokenOf(link))).body.error.code).toBe('RESET_LINK_USED');
  });

  it('names the origin given with --origin, and says so when it falls back to localhost', async () => {
    const person = await registerUser(app);
    const given = await runCli(['--origin', 'https://kapitel.example.org', person.user.email]);
    expect(given.stdout).toMatch(/^https:\/\/kapitel\.example\.org\/reset-password\?token=/);
    const fallback = await runCli([person.user.email], { PORT: '3456' });
    expect(fallback.stdout).toMatch(/^http:\/\/localhost:3456\/reset-password\?token=/);
    expect(fallback.stderr).toContain('PUBLIC_ORIGIN is not set');
  });

  it('exits 1 for an address without an account and 2 for wrong usage, printing no link', async () => {
    const unknown = await runCli([uniqueEmail('niemand')]);
    expect([unknown.code, unknown.stdout]).toEqual([1, '']);
    expect(unknown.stderr).toContain('There is no account with the e-mail address');
    const usage = await runCli([]);
    expect([usage.code, usage.stdout]).toEqual([2, '']);
    expect(usage.stderr).toContain('Usage: npm run password-reset-link');
    const badOrigin = await runCli(['--origin', 'ftp://x', 'a@example.org']);
    expect(badOrigin.code).toBe(2);
  });
});
