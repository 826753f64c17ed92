import type { ErrorBody } from '@kapitel/domain';
import { runMigrations } from '../../src/database/data-source.js';
import { PASSWORD, registerUser, uniqueEmail } from '../factories.js';
import { HttpClient } from '../http-client.js';
import { createScratchDatabase, LogCapture, startTestApp } from '../test-app.js';

describe('logging and unexpected failures', () => {
  it('writes one JSON line per request with its request id, and no password, cookie or token', async () => {
    const logs = new LogCapture();
    const app = await startTestApp({ logLevel: 'info' }, undefined, logs);
    try {
      const person = await registerUser(app);
      const login = await new HttpClient(app.origin).post('/api/auth/login', { email: person.user.email, password: PASSWORD });
      const requestId = login.headers.get('x-request-id');
      const line = logs.lines.find((entry) => (entry.req as { id?: string } | undefined)?.id === requestId);
      expect(line).toMatchObject({ level: 30, service: 'kapitel', res: { statusCode: 200 } });
      const cookieValue = (person.client.cookie ?? '').split('=')[1] ?? '';
      expect(cookieValue.length).toBeGreaterThan(20);
      expect(logs.text).not.toContain(PASSWORD);
      expect(logs.text).not.toContain(cookieValue);
    } finally {
      await app.close();
    }
  });

  it('answers requests while the database is gone with a coded error and the request id, and logs it', async () => {
    const scratch = await createScratchDatabase();
    await runMigrations(scratch.url);
    const logs = new LogCapture();
    const app = await startTestApp({ logLevel: 'info' }, scratch.url, logs);
    try {
      const person = await registerUser(app, { email: uniqueEmail('gone') });
      await app.db.end();
      await scratch.drop();
      const res = await person.client.get<ErrorBody>('/api/projects');
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
      expect(res.body.error.requestId).toBe(res.headers.get('x-request-id'));
      expect(JSON.stringify(res.body)).not.toMatch(/database|kapitel_scratch|\.ts:\d+/);
      const logged = logs.lines.find((entry) => entry.requestId === res.body.error.requestId && entry.level === 50);
      expect(logged).toMatchObject({ msg: 'request failed', method: 'GET', url: '/api/projects' });
    } finally {
      await app.app.close();
    }
  });
});
