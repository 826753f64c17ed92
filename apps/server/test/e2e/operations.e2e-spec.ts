import { HttpClient } from '../http-client.js';
import { createScratchDatabase, startTestApp, type TestApp } from '../test-app.js';

describe('operations', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('reports health with the database up', async () => {
    const res = await new HttpClient(app.origin).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up' });
  });

  it('serves the OpenAPI description with the account routes', async () => {
    const res = await new HttpClient(app.origin).get<{ paths: Record<string, unknown> }>('/api/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/register', '/api/auth/login', '/api/projects/{projectId}/members']),
    );
  });

  it('sends a strict Content-Security-Policy and a request id', async () => {
    const res = await new HttpClient(app.origin).get('/api/health');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
  });

  it('answers an unknown API route with a coded 404', async () => {
    const res = await new HttpClient(app.origin).get<{ error: { code: string } }>('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('reports 503 once the database goes away', async () => {
    const scratch = await createScratchDatabase();
    const doomed = await startTestApp({}, scratch.url);
    try {
      expect((await new HttpClient(doomed.origin).get('/api/health')).status).toBe(200);
      await doomed.db.end();
      await scratch.drop();
      const res = await new HttpClient(doomed.origin).get('/api/health');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'degraded', db: 'down' });
    } finally {
      await doomed.app.close();
    }
  });
});
