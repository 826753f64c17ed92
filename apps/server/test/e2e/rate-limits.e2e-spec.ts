import type { ErrorBody } from '@kapitel/domain';
import { PASSWORD, registerUser } from '../factories.js';
import { HttpClient } from '../http-client.js';
import { startTestApp, testDatabaseUrl, type TestApp } from '../test-app.js';

const REDIS_URL = 'redis://127.0.0.1:6379';

/** Fails `times` logins for `email` on `app`, checking each is refused as wrong (not limited). */
async function failLogins(app: TestApp, email: string, times: number): Promise<void> {
  const client = new HttpClient(app.origin);
  for (let i = 0; i < times; i += 1) {
    expect((await client.post('/api/auth/login', { email, password: 'ein falsches Passwort' })).status).toBe(401);
  }
}

describe('rate limits with REDIS_URL', () => {
  const apps: TestApp[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  it('holds a login limit across two processes that share Redis', async () => {
    const url = testDatabaseUrl();
    const one = await startTestApp({ redisUrl: REDIS_URL, loginRateLimitPerEmail: 3 }, url);
    const two = await startTestApp({ redisUrl: REDIS_URL, loginRateLimitPerEmail: 3 }, url);
    apps.push(one, two);
    const { user } = await registerUser(one);
    await failLogins(one, user.email, 2);
    await failLogins(two, user.email, 1);

    const limited = await new HttpClient(one.origin).post<ErrorBody>('/api/auth/login', { email: user.email, password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('starts counting afresh for an email after a successful login', async () => {
    const app = await startTestApp({ redisUrl: REDIS_URL, loginRateLimitPerEmail: 2 });
    apps.push(app);
    const { user } = await registerUser(app);
    await failLogins(app, user.email, 1);
    expect((await new HttpClient(app.origin).post('/api/auth/login', { email: user.email, password: PASSWORD })).status).toBe(200);
    await failLogins(app, user.email, 2);
  });

  it('still signs people in and still limits them, in this process, while Redis cannot be reached', async () => {
    const app = await startTestApp({ redisUrl: 'redis://127.0.0.1:1', loginRateLimitPerEmail: 2 });
    apps.push(app);
    const { user } = await registerUser(app);
    expect((await new HttpClient(app.origin).post('/api/auth/login', { email: user.email, password: PASSWORD })).status).toBe(200);
    await failLogins(app, user.email, 2);
    expect((await new HttpClient(app.origin).post('/api/auth/login', { email: user.email, password: PASSWORD })).status).toBe(429);
  });
});
