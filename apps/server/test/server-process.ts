import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Project, Section } from '@kapitel/domain';
import type { SectionContent } from '@kapitel/editor';
import pg from 'pg';
import * as Y from 'yjs';
import { createParticipant, createProject, createSection, registerUser, type Person } from './factories.js';
import type { TestApp } from './test-app.js';

/**
 * The real server (apps/server/dist/main.js) as a child process on an external PostgreSQL,
 * for tests that crash it, stop it or run several of it. `npm test` builds dist first.
 */
const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const OUTPUT_TAIL_CHARS = 20_000;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface ServerProcessOptions {
  databaseUrl: string;
  /** Further environment (REDIS_URL, COLLAB_UNLOAD_AFTER_MS, ...). */
  env?: Record<string, string>;
  port?: number;
}

export class ServerProcess {
  readonly origin: string;
  private child: ChildProcess | null = null;
  private tail = '';
  /** Characters written since the first start; the tail holds only the last ones. */
  private written = 0;

  private constructor(
    readonly port: number,
    private readonly options: ServerProcessOptions,
  ) {
    this.origin = `http://127.0.0.1:${port}`;
  }

  /** Starts a server on a free port (or the given one) and waits until it is healthy. */
  static async start(options: ServerProcessOptions): Promise<ServerProcess> {
    const server = new ServerProcess(options.port ?? (await freePort()), options);
    live.add(server);
    await server.start();
    return server;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines the process wrote, for failure messages. */
  get output(): string {
    return this.tail;
  }

  /** A mark for `outputSince`: how much the process has written so far. */
  get outputMark(): number {
    return this.written;
  }

  /** What the process wrote after `mark` (as far as the tail still holds it). */
  outputSince(mark: number): string {
    return this.tail.slice(Math.max(0, this.tail.length - (this.written - mark)));
  }

  /** (Re)starts the process on the same port; the server runs the migrations itself. */
  async start(): Promise<void> {
    if (this.running) {
      throw new Error(`the server on ${this.origin} is already running`);
    }
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(this.port),
      HOST: '127.0.0.1',
      DATABASE_URL: this.options.databaseUrl,
      LOG_LEVEL: 'warn',
      ARGON2_MEMORY_KIB: '4096',
      LOGIN_RATE_LIMIT_PER_IP: '100000',
      LOGIN_RATE_LIMIT_PER_EMAIL: '100000',
      INVITATION_RATE_LIMIT_PER_HOUR: '100000',
      ...this.options.env,
    };
    delete env.NODE_OPTIONS; // jest's --experimental-vm-modules is not for the server
    const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer): void => {
      const text = chunk.toString();
      this.written += text.length;
      this.tail = (this.tail + text).slice(-OUTPUT_TAIL_CHARS);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.child = child;
    await this.waitForHealth(child);
  }

  private async waitForHealth(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`the server exited with ${child.exitCode ?? child.signalCode} while starting:\n${this.tail}`);
      }
      const healthy = await fetch(`${this.origin}/api/health`).then(
        (res) => res.status === 200,
        () => false,
      );
      if (healthy) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the server on ${this.origin} did not become healthy:\n${this.tail}`);
  }

  /** `kill -9`: no shutdown hook runs. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** A graceful stop; resolves with the exit code. */
  async stop(): Promise<number | null> {
    return this.signal('SIGTERM');
  }

  private async signal(signal: NodeJS.Signals): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      return child?.exitCode ?? null;
    }
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    return exited;
  }

  /** What the test factories need of a server: they only ever read `origin`. */
  get factoryTarget(): TestApp {
    return { origin: this.origin } as unknown as TestApp;
  }
}

const live = new Set<ServerProcess>();

/** Kills every server process this test file started (for afterAll, also after a failure). */
export async function killAllServers(): Promise<void> {
  await Promise.all([...live].map((server) => server.kill()));
  live.clear();
}

/** Runs SQL on the test run's PostgreSQL server itself (not a database of ours): for ALTER DATABASE and the like. */
export async function adminQuery(sql: string): Promise<void> {
  const serverUrl = process.env.KAPITEL_TEST_SERVER_URL;
  if (!serverUrl) {
    throw new Error('KAPITEL_TEST_SERVER_URL is not set: run the tests through `npm test`');
  }
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The database name of a postgres:// URL. */
export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** A section that several people may write: the lead and `authors` assigned authors. */
export interface WritingTeam {
  project: Project;
  section: Section;
  lead: Person;
  /** The lead first, then the assigned authors. */
  writers: Person[];
}

export async function createWritingTeam(server: ServerProcess, authors: number): Promise<WritingTeam> {
  const target = server.factoryTarget;
  const lead = await registerUser(target, { name: 'Lea Lead' });
  const project = await createProject(lead);
  const assigned = await Promise.all(Array.from({ length: authors }, () => createParticipant(target, lead, project.id, 'author')));
  const section = await createSection(lead, project.id, { title: 'Gemeinsam geschrieben' });
  const res = await lead.client.patch(`/api/projects/${project.id}/sections/${section.id}`, {
    assigneeIds: assigned.map((person) => person.user.id),
  });
  if (res.status !== 200) {
    throw new Error(`assigning failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return { project, section, lead, writers: [lead, ...assigned] };
}

/** GET .../content: the section as the server stores it. */
export async function storedContent(team: WritingTeam): Promise<SectionContent> {
  const res = await team.lead.client.get<SectionContent>(`/api/projects/${team.project.id}/sections/${team.section.id}/content`);
  if (res.status !== 200) {
    throw new Error(`content failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

/** The text of each paragraph of a client's document. */
export function docParagraphs(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment('default')
    .toArray()
    .map((node) => {
      const children: unknown[] = node instanceof Y.XmlElement ? node.toArray() : [];
      return children.map((child) => (child instanceof Y.XmlText ? child.toJSON() : '')).join('');
    });
}

/** The text of each paragraph of the server's ProseMirror JSON. */
export function contentParagraphs(content: SectionContent): string[] {
  return (content.json.content ?? []).map((block) => (block.content ?? []).map((inline) => inline.text ?? '').join(''));
}

/** The server's plain text for these paragraphs: textBetween with a blank line between blocks. */
export function plainText(paragraphs: readonly string[]): string {
  return paragraphs.join('\n\n');
}
