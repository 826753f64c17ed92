import { DataSource } from 'typeorm';
import { loadConfigFromEnvironment } from '../config/app-config.js';
import { dataSourceOptions } from './data-source.js';

// For the TypeORM CLI (`npm run migration:run|revert|generate`), which needs a module that
// exports one DataSource. The CLI works on an existing server: DATABASE_URL is required.
const config = loadConfigFromEnvironment({ cwd: process.cwd(), webDist: null });
if (!config.databaseUrl) {
  throw new Error('Set DATABASE_URL to the PostgreSQL to migrate (the server migrates its embedded one at start)');
}

export default new DataSource(dataSourceOptions(config.databaseUrl));
