import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import { ConfigError, loadConfigFromEnvironment } from './config/app-config.js';
import { createLogger } from './common/logger.js';
import { runMigrations } from './database/data-source.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres.js';
import { createHttpApp } from './http-app.js';

const SHUTDOWN_TIMEOUT_MS = 15_000;

async function main(): Promise<void> {
  const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
  let config;
  try {
    config = loadConfigFromEnvironment({ cwd: process.cwd(), webDist: `${repoRoot}apps/web/dist` });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir, {
      info: (message) => logger.info(message),
      debug: (message) => logger.debug({ source: 'postgres' }, message),
    });
    databaseUrl = embedded.url;
  }
  try {
    await runMigrations(databaseUrl);
    const app = await createHttpApp(config, databaseUrl, logger);
    await app.listen(config.port, config.host);
    logger.info(`Kapitel is running on http://localhost:${config.port}`);

    let stopping = false;
    const shutdown = (signal: string): void => {
      if (stopping) {
        return;
      }
      stopping = true;
      logger.info(`${signal} received: draining connections`);
      const force = setTimeout(() => {
        logger.error('Shutdown took too long; exiting');
        process.exit(1);
      }, SHUTDOWN_TIMEOUT_MS);
      force.unref();
      const httpServer = app.getHttpServer() as Server;
      httpServer.closeIdleConnections();
      void app
        .close()
        .then(() => embedded?.stop())
        .then(() => {
          logger.info('Stopped');
          process.exit(0);
        })
        .catch((error: unknown) => {
          logger.error({ err: error }, 'Error during shutdown');
          process.exit(1);
        });
    };
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    process.on('SIGINT', () => shutdown('SIGINT'));
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Kapitel could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
