import 'reflect-metadata';
import { normaliseEmail, PASSWORD_RESET_VALID_MINUTES } from '@kapitel/domain';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfigFromEnvironment } from '../config/app-config.js';
import { dataSourceOptions } from '../database/data-source.js';
import { AuditEventEntity } from '../modules/audit/audit-event.entity.js';
import { AuditService } from '../modules/audit/audit.service.js';
import { PasswordResetEntity } from '../modules/auth/password-reset.entity.js';
import { newResetToken, resetExpiry, resetLink } from '../modules/auth/password-reset-link.js';
import { PasswordResetRepository } from '../modules/auth/password-reset.repository.js';
import { UserEntity } from '../modules/auth/user.entity.js';
import { UserRepository } from '../modules/auth/user.repository.js';
import { openToolDatabase } from './tool-database.js';

/**
 * `node apps/server/dist/cli/password-reset-link.js [--origin https://host] <email>`: prints a
 * password reset link for an account, for servers that send no e-mail (docs/accounts.md).
 * The link alone goes to stdout, so that it can be piped; everything else to stderr.
 * Exit codes: 0 printed, 1 no such account or no database, 2 wrong usage or configuration.
 */

const USAGE = 'Usage: npm run password-reset-link -- [--origin https://kapitel.example.org] <email>';
const UNDEFINED_TABLE = '42P01';

class UsageError extends Error {}

function parseArguments(args: string[]): { email: string; origin: string | null } {
  let origin: string | null = null;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--origin') {
      origin = args[i + 1] ?? '';
      i += 1;
    } else {
      rest.push(args[i]);
    }
  }
  if (rest.length !== 1 || !rest[0].includes('@')) {
    throw new UsageError(USAGE);
  }
  if (origin !== null) {
    let url: URL | null = null;
    try {
      url = new URL(origin);
    } catch {
      // reported below
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search) {
      throw new UsageError(`--origin must be an origin like https://kapitel.example.org, got "${origin}"`);
    }
    origin = url.origin;
  }
  return { email: normaliseEmail(rest[0]), origin };
}

async function main(): Promise<number> {
  const config = loadConfigFromEnvironment({ cwd: process.cwd(), webDist: null });
  const { email, origin: given } = parseArguments(process.argv.slice(2));
  // The server's own address: the link must open its web app.
  const origin = given ?? config.publicOrigin ?? `http://localhost:${config.port}`;
  if (!given && !config.publicOrigin) {
    process.stderr.write(`PUBLIC_ORIGIN is not set: the link names ${origin} (use --origin to name another)\n`);
  }
  const database = await openToolDatabase(config);
  const db = new DataSource(dataSourceOptions(database.url));
  try {
    await db.initialize();
    const user = await new UserRepository(db.getRepository(UserEntity)).findByEmail(email);
    if (!user) {
      process.stderr.write(`There is no account with the e-mail address ${email}\n`);
      return 1;
    }
    const { token, tokenHash } = newResetToken();
    const now = new Date();
    await new PasswordResetRepository(db.getRepository(PasswordResetEntity)).insert({ userId: user.id, tokenHash, expiresAt: resetExpiry(now) }, now);
    await new AuditService(db.getRepository(AuditEventEntity)).record({
      action: 'password_reset.link_printed',
      actorId: null,
      targetType: 'user',
      targetId: user.id,
      data: { email },
    });
    process.stdout.write(`${resetLink(origin, token)}\n`);
    process.stderr.write(
      `A password reset link for ${user.name} <${email}>: it works once, for ${PASSWORD_RESET_VALID_MINUTES} minutes. Pass it on privately.\n`,
    );
    return 0;
  } catch (error) {
    if ((error as { driverError?: { code?: string } }).driverError?.code === UNDEFINED_TABLE) {
      process.stderr.write('The database is not up to date for this version: start Kapitel once, it updates the database.\n');
      return 1;
    }
    throw error;
  } finally {
    if (db.isInitialized) {
      await db.destroy();
    }
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const usage = error instanceof UsageError || error instanceof ConfigError;
    process.stderr.write(`${usage ? '' : 'Could not make a link: '}${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(usage ? 2 : 1);
  },
);
