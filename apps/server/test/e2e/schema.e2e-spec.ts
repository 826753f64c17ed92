import { DataSource } from 'typeorm';
import { dataSourceOptions, MIGRATIONS, runMigrations } from '../../src/database/data-source.js';
import { createScratchDatabase } from '../test-app.js';

/** The SQL TypeORM would generate to bring the database in line with the entities. */
async function pendingSchemaChanges(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return sql.upQueries.map((query) => query.query);
  } finally {
    await dataSource.destroy();
  }
}

describe('database schema', () => {
  it('matches the entities after all migrations ran (what `migration:generate --check` checks)', async () => {
    const scratch = await createScratchDatabase();
    try {
      await runMigrations(scratch.url);
      expect(await pendingSchemaChanges(scratch.url)).toEqual([]);
    } finally {
      await scratch.drop();
    }
  });

  it('reverts every migration with its down step and applies them again', async () => {
    const scratch = await createScratchDatabase();
    const dataSource = new DataSource(dataSourceOptions(scratch.url));
    try {
      await runMigrations(scratch.url);
      await dataSource.initialize();
      for (let i = 0; i < MIGRATIONS.length; i += 1) {
        await dataSource.undoLastMigration({ transaction: 'each' });
      }
      const tables = await dataSource.query<Array<{ tablename: string }>>(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`,
      );
      expect(tables).toEqual([]);
      await dataSource.runMigrations({ transaction: 'all' });
      expect(await dataSource.showMigrations()).toBe(false);
    } finally {
      if (dataSource.isInitialized) {
        await dataSource.destroy();
      }
      await scratch.drop();
    }
  });
});
