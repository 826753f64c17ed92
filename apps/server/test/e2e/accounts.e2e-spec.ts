import type { ErrorBody, User } from '@kapitel/domain';
import { PASSWORD, registerUser, uniqueEmail } from '../factories.js';
import { HttpClient } from '../http-client.js';
import { startTestApp, type TestApp } from '../test-app.js';

describe('accounts', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerEmail: 3, loginRateLimitPerIp: 1000 });
  });
  afterAll(async () => {
    await app.close();
  });

  it('registers, answers /me with the same user, logs out and then refuses /me', async () => {
    const client = new HttpClient(app.origin);
    const email = uniqueEmail('anna');
    const registered = await client.post<{ user: User }>('/api/auth/register', {
      email,
      password: PASSWORD,
      name: 'Anna Schmidt',
      organisation: 'Stadt Musterstadt',
    });
    expect(registered.status).toBe(201);
    expect(registered.body.user).toMatchObject({ email, name: 'Anna Schmidt', organisation: 'Stadt Musterstadt' });
    expect(JSON.stringify(registered.body)).not.toContain('password');

    const me = await client.get<{ user: User }>('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(registered.body.user.id);

    expect((await client.post('/api/auth/logout')).status).toBe(204);
    const after = await new HttpClient(app.origin).get<ErrorBody>('/api/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('no longer accepts the old session cookie after logout', async () => {
    const { client } = await registerUser(app);
    const cookie = client.cookie;
    await client.post('/api/auth/logout');
    const replay = new HttpClient(app.origin);
    replay.cookie = cookie;
    expect((await replay.get('/api/me')).status).toBe(401);
  });

  it('refuses an expired session and removes it at the next login', async () => {
    const { client, user } = await registerUser(app);
    await app.db.query(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [user.id]);
    expect((await client.get('/api/me')).status).toBe(401);
    await new HttpClient(app.origin).post('/api/auth/login', { email: user.email, password: PASSWORD });
    const left = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sessions WHERE user_id = $1 AND expires_at < now()`,
      [user.id],
    );
    expect(left.rows[0]?.n).toBe(0);
  });

  it('sets the session cookie httpOnly, SameSite=Lax, on path /, and not Secure over plain HTTP', async () => {
    const client = new HttpClient(app.origin);
    const res = await client.post('/api/auth/register', { email: uniqueEmail(), password: PASSWORD, name: 'Ben' });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^kapitel_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('marks the cookie Secure when the public origin is https', async () => {
    const secureApp = await startTestApp({ publicOrigin: 'https://kapitel.example.org' });
    try {
      const client = new HttpClient(secureApp.origin);
      const res = await client.post(
        '/api/auth/register',
        { email: uniqueEmail(), password: PASSWORD, name: 'Cem' },
        { origin: 'https://kapitel.example.org' },
      );
      expect(res.status).toBe(201);
      expect(res.headers.get('set-cookie')).toMatch(/Secure/i);
    } finally {
      await secureApp.close();
    }
  });

  it('normalises emails: case and surrounding spaces do not make a second account', async () => {
    const email = uniqueEmail('dora');
    await registerUser(app, { email });
    const again = await new HttpClient(app.origin).post<ErrorBody>('/api/auth/register', {
      email: `  ${email.toUpperCase()} `,
      password: PASSWORD,
      name: 'Dora again',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('EMAIL_TAKEN');
    const login = await new HttpClient(app.origin).post('/api/auth/login', { email: ` ${email.toUpperCase()}`, password: PASSWORD });
    expect(login.status).toBe(200);
  });

  it('answers an unknown email and a wrong password identically', async () => {
    const { user } = await registerUser(app);
    const wrongPassword = await new HttpClient(app.origin).post<ErrorBody>('/api/auth/login', {
      email: user.email,
      password: 'not the password at all',
    });
    const unknownEmail = await new HttpClient(app.origin).post<ErrorBody>('/api/auth/login', {
      email: uniqueEmail('nobody'),
      password: 'not the password at all',
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const strip = (body: ErrorBody) => ({ ...body.error, requestId: undefined });
    expect(strip(wrongPassword.body)).toEqual(strip(unknownEmail.body));
    expect(wrongPassword.body.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('rate-limits logins per email with 429 and Retry-After, even with the right password', async () => {
    const { user } = await registerUser(app);
    const client = new HttpClient(app.origin);
    for (let i = 0; i < 3; i += 1) {
      expect((await client.post('/api/auth/login', { email: user.email, password: 'wrong password!!' })).status).toBe(401);
    }
    const limited = await client.post<ErrorBody>('/api/auth/login', { email: user.email, password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('rate-limits logins per IP address', async () => {
    const strict = await startTestApp({ loginRateLimitPerIp: 2 });
    try {
      const client = new HttpClient(strict.origin);
      await client.post('/api/auth/login', { email: uniqueEmail(), password: 'whatever password' });
      await client.post('/api/auth/login', { email: uniqueEmail(), password: 'whatever password' });
      const third = await client.post('/api/auth/login', { email: uniqueEmail(), password: 'whatever password' });
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await strict.close();
    }
  });

  it('names each invalid field of a registration', async () => {
    const res = await new HttpClient(app.origin).post<ErrorBody>('/api/auth/register', {
      email: 'not-an-email',
      password: 'short',
      name: '',
      isAdmin: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    const fields = (res.body.error.details ?? []).map((d) => d.field).sort();
    expect(fields).toEqual(['email', 'isAdmin', 'name', 'password']);
  });

  it('refuses a password of 11 characters and accepts one of 12', async () => {
    const short = await new HttpClient(app.origin).post<ErrorBody>('/api/auth/register', {
      email: uniqueEmail(),
      password: '12345678901',
      name: 'Eva',
    });
    expect(short.status).toBe(400);
    expect(short.body.error.details?.map((detail) => detail.field)).toEqual(['password']);
    expect(short.body.error.details?.[0]?.message).toContain('12');
    const ok = await new HttpClient(app.origin).post('/api/auth/register', {
      email: uniqueEmail(),
      password: '123456789012',
      name: 'Eva',
    });
    expect(ok.status).toBe(201);
  });

  it.each(['{"__proto__": {"admin": true}, "email": "a@example.org", "password": "x"}', '{"constructor": {"x": 1}}'])(
    'refuses a body with a prototype key: %s',
    async (raw) => {
      const res = await new HttpClient(app.origin).post<ErrorBody>('/api/auth/login', undefined, { raw });
      expect(res.status).toBe(400);
      expect(res.body.error.details?.[0]?.field).toMatch(/^(__proto__|constructor)$/);
    },
  );

  it('answers malformed JSON with a 400 naming the body, and no stack trace', async () => {
    const res = await new HttpClient(app.origin).post<ErrorBody>('/api/auth/login', undefined, { raw: '{"email": ' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.details).toEqual([{ field: 'body', message: 'The request body is not valid JSON' }]);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('answers an address too long for the HTTP parser with 431 and the API error body, not a bare status', async () => {
    const res = await fetch(`${app.origin}/api/projects?q=${'x'.repeat(20_000)}`);
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.error.message).toContain('16 KB');
  });

  it.each(['null', '"abc"', '12'])('answers the JSON value %s as a body with 400: it must be an object', async (raw) => {
    const res = await new HttpClient(app.origin).post<ErrorBody>('/api/auth/login', undefined, { raw });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field: 'body', message: 'The request body must be a JSON object' }]);
  });

  it('refuses a NUL character in any text of a body or a query with 400 naming the field, signed in or not', async () => {
    const login = await new HttpClient(app.origin).post<ErrorBody>('/api/auth/login', { email: 'a\u0000b@example.org', password: 'passwordpassword1' });
    expect([login.status, login.body.error.details]).toEqual([
      400,
      [{ field: 'email', message: 'email must not contain control characters (here NUL, U+0000)' }],
    ]);
    const { client } = await registerUser(app);
    const project = await client.post<ErrorBody>('/api/projects', { title: 'Bericht\u0000' });
    expect([project.status, project.body.error.details?.[0]?.field]).toEqual([400, 'title']);
    const nested = await client.post<ErrorBody>('/api/projects', { title: 'T', extra: { list: ['ok', 'a\u0000'] } });
    expect([nested.status, nested.body.error.details?.[0]?.field]).toEqual([400, 'extra.list.1']);
    const query = await client.get<ErrorBody>('/api/projects?q=a%00b');
    expect([query.status, query.body.error.details?.[0]?.field]).toEqual([400, 'q']);
  });

  it.each([
    ['text/plain', '{"title":"T"}'],
    ['application/xml', '<x/>'],
    ['application/x-www-form-urlencoded', 'title=T'],
  ])('answers a body sent as %s with 415 naming the type it must be', async (type, raw) => {
    const { client } = await registerUser(app);
    const res = await client.post<ErrorBody>('/api/projects', undefined, { raw, headers: { 'content-type': type } });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(res.body.error.message).toBe(`The request body must be JSON (Content-Type: application/json); got ${type}`);
  });

  it('takes a JSON body with a charset, and a request without a body whatever its type says', async () => {
    const { client } = await registerUser(app);
    const created = await client.post<{ project: { id: string } }>('/api/projects', undefined, {
      raw: '{"title":"Mit Zeichensatz"}',
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(created.status).toBe(201);
    const read = await client.get(`/api/projects/${created.body.project.id}`, { headers: { 'content-type': 'text/plain' } });
    expect(read.status).toBe(200);
  });

  it('answers a body over the size limit with 413', async () => {
    const res = await new HttpClient(app.origin).post<ErrorBody>('/api/auth/login', {
      email: 'a@example.org',
      password: 'x'.repeat(2_000_000),
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  describe('CSRF origin check', () => {
    it('refuses a state change with the session cookie but without Origin', async () => {
      const { client } = await registerUser(app);
      const res = await client.post<ErrorBody>('/api/projects', { title: 'X' }, { origin: null });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('CSRF');
    });

    it('refuses a state change with the session cookie from a foreign Origin', async () => {
      const { client } = await registerUser(app);
      const res = await client.post<ErrorBody>('/api/projects', { title: 'X' }, { origin: 'https://evil.example' });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('CSRF');
      const projects = await client.get<unknown[]>('/api/projects');
      expect(projects.body).toEqual([]);
    });

    it('refuses a login posted from a foreign Origin', async () => {
      const res = await new HttpClient(app.origin).post<ErrorBody>(
        '/api/auth/login',
        { email: uniqueEmail(), password: PASSWORD },
        { origin: 'https://evil.example' },
      );
      expect(res.status).toBe(403);
    });

    it('accepts an origin from the configured allow-list', async () => {
      const listed = await startTestApp({ allowedOrigins: ['https://intranet.example'] });
      try {
        const person = await registerUser(listed);
        const res = await person.client.post('/api/projects', { title: 'Y' }, { origin: 'https://intranet.example' });
        expect(res.status).toBe(201);
      } finally {
        await listed.close();
      }
    });

    it('lets reads through without Origin', async () => {
      const { client } = await registerUser(app);
      expect((await client.get('/api/me', { origin: null })).status).toBe(200);
    });
  });
});
