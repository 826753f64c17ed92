import { rmSync } from 'node:fs';
import pg from 'pg';

export default async function globalTeardown() {
  const state = globalThis.__kapitelTestState ?? {};
  if (state.embedded) {
    await state.embedded.stop();
    rmSync(state.dataDir, { recursive: true, force: true });
    return;
  }
  if (state.serverUrl && state.databaseName) {
    const admin = new pg.Client({ connectionString: state.serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${state.databaseName} WITH (FORCE)`);
    await admin.end();
  }
}
