import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PASSWORD, uniqueEmail } from '../factories.js';
import { HttpClient } from '../http-client.js';

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The real server as a child process with the embedded PostgreSQL (no DATABASE_URL). */
function startServer(dataDir: string, port: number): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  return spawn(process.execPath, [MAIN], { env, stdio: 'ignore' });
}

async function waitForHealth(origin: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`server exited with ${child.exitCode}`);
    }
    const ok = await fetch(`${origin}/api/health`).then((r) => r.status === 200, () => false);
    if (ok) {
      return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become healthy');
}

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((r) => child.once('exit', (code) => r(code)));
}

function postmasterAlive(dataDir: string): boolean {
  try {
    const pid = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the server with its embedded PostgreSQL', () => {
  let dataDir: string;
  const children: ChildProcess[] = [];

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'kapitel-embedded-'));
    chmodSync(dataDir, 0o755);
  });
  afterAll(() => {
    for (const child of children) {
      child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps its data across a SIGKILL, cleans up the orphaned postmaster, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const first = startServer(dataDir, port);
    children.push(first);
    await waitForHealth(origin, first);
    const email = uniqueEmail('kill');
    const client = new HttpClient(origin);
    expect((await client.post('/api/auth/register', { email, password: PASSWORD, name: 'Kim' })).status).toBe(201);
    expect((await client.post('/api/projects', { title: 'Überlebt den Absturz' })).status).toBe(201);

    first.kill('SIGKILL');
    await exited(first);
    expect(postmasterAlive(dataDir)).toBe(true); // orphaned, still holding the data folder

    const second = startServer(dataDir, port);
    children.push(second);
    await waitForHealth(origin, second);
    const again = new HttpClient(origin);
    expect((await again.post('/api/auth/login', { email, password: PASSWORD })).status).toBe(200);
    const projects = await again.get<Array<{ title: string }>>('/api/projects');
    expect(projects.body.map((p) => p.title)).toEqual(['Überlebt den Absturz']);

    second.kill('SIGTERM');
    expect(await exited(second)).toBe(0);
    expect(postmasterAlive(dataDir)).toBe(false);
  }, 120_000);

  it('refuses to start on a bad setting with one line naming the variable', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: 'dreitausend' };
    const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exited(child)).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Configuration error: PORT must be a whole number/)]);
  });
});
