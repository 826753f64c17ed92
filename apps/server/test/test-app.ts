import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import { loadConfig, type AppConfig } from '../src/config/app-config.js';
import { createLogger } from '../src/common/logger.js';
import { createHttpApp } from '../src/http-app.js';

/** A real Kapitel server on a free port, on the test run's database. */
export interface TestApp {
  app: INestApplication;
  /** http://127.0.0.1:<port>, also the Origin our web app would send. */
  origin: string;
  config: AppConfig;
  /** Direct access to the database, for asserting rows. */
  db: pg.Pool;
  close(): Promise<void>;
}

export function testDatabaseUrl(): string {
  const url = process.env.KAPITEL_TEST_DATABASE_URL;
  if (!url) {
    throw new Error('KAPITEL_TEST_DATABASE_URL is not set: run the tests through `npm test`');
  }
  return url;
}

/** Collects the JSON log lines of a test app, for tests about logging. */
export class LogCapture {
  readonly lines: Array<Record<string, unknown>> = [];
  write(chunk: string): void {
    this.lines.push(JSON.parse(chunk) as Record<string, unknown>);
  }
  get text(): string {
    return this.lines.map((line) => JSON.stringify(line)).join('\n');
  }
}

export async function startTestApp(
  overrides: Partial<AppConfig> = {},
  databaseUrl = testDatabaseUrl(),
  logs?: LogCapture,
): Promise<TestApp> {
  const config: AppConfig = {
    ...loadConfig({ LOG_LEVEL: 'silent', ARGON2_MEMORY_KIB: '4096' }, { cwd: process.cwd(), webDist: null }),
    ...overrides,
  };
  const url = databaseUrl;
  const app = await createHttpApp(config, url, createLogger(config.logLevel, logs));
  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  const db = new pg.Pool({ connectionString: url, max: 2 });
  return {
    app,
    origin: `http://127.0.0.1:${port}`,
    config,
    db,
    close: async () => {
      await db.end().catch(() => undefined);
      await app.close();
    },
  };
}

/** A new, empty database on the test server, and a way to drop it (which also cuts its connections). */
export async function createScratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = process.env.KAPITEL_TEST_SERVER_URL;
  if (!serverUrl) {
    throw new Error('KAPITEL_TEST_SERVER_URL is not set: run the tests through `npm test`');
  }
  const name = `kapitel_scratch_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
