// Plain ESM on purpose: Jest loads global setup outside its module system (no TypeScript
// mapping), so this file uses the server's compiled output; `npm test` builds it first.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { runMigrations } from '../dist/database/data-source.js';
import { startEmbeddedPostgres } from '../dist/database/embedded-postgres.js';

/**
 * One fresh database per test run: on the server named by DATABASE_URL (CI), else on an
 * embedded PostgreSQL in a temporary folder. Test files share it and never depend on
 * each other's rows: every test makes its own users and projects through the factories.
 */
export default async function globalSetup() {
  let serverUrl = process.env.DATABASE_URL;
  const state = {};
  if (!serverUrl) {
    state.dataDir = mkdtempSync(join(tmpdir(), 'kapitel-test-'));
    state.embedded = await startEmbeddedPostgres(state.dataDir, { info: () => undefined, debug: () => undefined });
    serverUrl = state.embedded.url;
  }
  const name = `kapitel_test_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  state.serverUrl = serverUrl;
  state.databaseName = name;
  // Global setup and teardown run in one process; workers inherit the environment.
  globalThis.__kapitelTestState = state;
  process.env.KAPITEL_TEST_DATABASE_URL = url.toString();
  process.env.KAPITEL_TEST_SERVER_URL = serverUrl;
  await runMigrations(url.toString());
}
