// The bench's own database on the PostgreSQL server named by DATABASE_URL, dropped at the end.
import pg from 'pg';
import { onCleanup } from './cleanup.mjs';

/**
 * Creates `kapitel_bench_<time>_<pid>` next to the database of `serverUrl`; returns its URL
 * and name. Dropping it is registered as a cleanup step.
 * @param {string} serverUrl
 */
export async function createBenchDatabase(serverUrl) {
  const name = `kapitel_bench_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  onCleanup(`database ${name}`, async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), name };
}
