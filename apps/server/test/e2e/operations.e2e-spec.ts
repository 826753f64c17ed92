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

  it('answers a wrong method on a known address with 405 and the methods it takes', async () => {
    const client = new HttpClient(app.origin);
    const put = await client.request<{ error: { code: string; message: string } }>(
      'PUT',
      '/api/projects/8a6e0f8c-3b8e-4d4f-9a51-5b2a8f6f2c11/sections/0b4d0c55-8f55-4a43-8f0c-0f6d9e7a1d22',
      { title: 'Neu' },
    );
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('DELETE, GET, HEAD, PATCH');
    expect(put.body.error).toMatchObject({
      code: 'METHOD_NOT_ALLOWED',
      message: 'PUT is not allowed here; this address takes DELETE, GET, HEAD, PATCH',
    });
    const remove = await client.request<{ error: { code: string } }>('DELETE', '/api/health');
    expect(remove.status).toBe(405);
    expect(remove.headers.get('allow')).toBe('GET, HEAD');
    // An address no route has stays a 404, whatever the method.
    const unknown = await client.request<{ error: { code: string } }>('PUT', '/api/no-such-thing', {});
    expect(unknown.status).toBe(404);
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
