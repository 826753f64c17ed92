import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';

/** A database an operator command works on, and how to let go of it. */
export interface ToolDatabase {
  url: string;
  close(): Promise<void>;
}

/**
 * PostgreSQL's `postmaster.pid`: the first line is the postmaster's pid, the fourth its port.
 * Null for anything else (a half-written file of a starting server).
 */
export function parsePostmasterPid(text: string): { pid: number; port: number } | null {
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && pid > 0 && Number.isInteger(port) && port > 0 && port < 65536 ? { pid, port } : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user (the `postgres` user when the server was started as root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The database of this installation, found as the server finds it: DATABASE_URL; else the
 * embedded PostgreSQL in DATA_DIR, which a running server keeps on a port of its choosing
 * (read from `postmaster.pid`), or which is started for the command and stopped after it.
 * Run the command as the user the server runs as: the data folder is theirs.
 */
export async function openToolDatabase(config: AppConfig): Promise<ToolDatabase> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, close: () => Promise.resolve() };
  }
  let running: { pid: number; port: number } | null = null;
  try {
    running = parsePostmasterPid(readFileSync(join(config.dataDir, 'pg', 'postmaster.pid'), 'utf8'));
  } catch {
    // not running, or never started: started below
  }
  if (running && isAlive(running.pid)) {
    const password = readFileSync(join(config.dataDir, 'pg-password'), 'utf8').trim();
    return {
      url: `postgres://kapitel:${encodeURIComponent(password)}@127.0.0.1:${running.port}/kapitel`,
      close: () => Promise.resolve(),
    };
  }
  const embedded = await startEmbeddedPostgres(config.dataDir, { info: () => undefined, debug: () => undefined });
  return { url: embedded.url, close: () => embedded.stop() };
}
