import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_COLLAB_LIMITS, type CollabLimits } from '@kapitel/collab';

/** Typed, validated configuration. The only place that reads `process.env`. */
export interface AppConfig {
  port: number;
  host: string;
  /** PostgreSQL to use; absent means: start the embedded PostgreSQL in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  /** The origin people reach us at (https://kapitel.example.org); null means "the request's own host". */
  publicOrigin: string | null;
  /** Further origins allowed on state-changing requests and WebSocket upgrades. */
  allowedOrigins: string[];
  trustProxy: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Login attempts per email / per IP within `loginRateWindowSeconds`. */
  loginRateLimitPerEmail: number;
  loginRateLimitPerIp: number;
  loginRateWindowSeconds: number;
  /** Invitations a user may create per hour. */
  invitationRateLimitPerHour: number;
  sessionDays: number;
  /** Folder of the built web app; null = do not serve it. */
  webDist: string | null;
  /** Argon2id memory cost in KiB (OWASP minimum 19 MiB). */
  argon2MemoryKiB: number;
  /** Redis for sharing live documents between several processes; null with one process. */
  redisUrl: string | null;
  collab: CollabLimits;
  /**
   * A section's text changed: announced on its project's event stream at most once in this
   * many milliseconds (`TEXT_CHANGE_MS`, default 5000), so that readers and figure numbers
   * follow what is typed without an event per keystroke.
   */
  textChangeMs: number;
  /** Outgoing e-mail for notifications (`SMTP_URL`, `SMTP_FROM`); null = send none. */
  smtp: SmtpConfig | null;
  /** PDF exports: how often a process looks for queued jobs, and how long one may take. */
  exportPollSeconds: number;
  exportTimeoutSeconds: number;
  /** The renderer process is ended when it holds more than this after a job, or idles this long. */
  exportRendererMaxMib: number;
  exportRendererIdleSeconds: number;
  /** The largest image an upload may have (`IMAGE_MAX_BYTES`, default 10 MiB); larger ones get 413. */
  imageMaxBytes: number;
  /**
   * Days an uploaded image no text or version uses is kept before it is removed
   * (`IMAGE_RETENTION_DAYS`, default 30; 0 keeps every image). docs/images.md, "Removing unused images".
   */
  imageRetentionDays: number;
}

export interface SmtpConfig {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://… (TLS from the start). */
  url: string;
  /** The sender, `kapitel@example.org` or `Kapitel <kapitel@example.org>`. */
  from: string;
}

/** Thrown when the environment is wrong; the message is one line naming the variable. */
export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function origin(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an origin like https://kapitel.example.org, got "${raw}"`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search) {
    throw new ConfigError(`${name} must be an origin like https://kapitel.example.org, got "${raw}"`);
  }
  return url.origin;
}

function databaseUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') {
    return null;
  }
  try {
    const url = new URL(raw);
    if (url.protocol === 'postgres:' || url.protocol === 'postgresql:') {
      return raw;
    }
  } catch {
    // fall through to the error below
  }
  throw new ConfigError('DATABASE_URL must look like postgres://user:password@host:5432/database');
}

function redisUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') {
    return null;
  }
  try {
    const url = new URL(raw);
    if (url.protocol === 'redis:' || url.protocol === 'rediss:') {
      return raw;
    }
  } catch {
    // fall through to the error below
  }
  throw new ConfigError('REDIS_URL must look like redis://host:6379');
}

function smtp(env: Env): SmtpConfig | null {
  const raw = env.SMTP_URL;
  if (raw === undefined || raw === '') {
    return null;
  }
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    // fall through to the error below; never echo the URL, it may hold a password
  }
  if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname) {
    throw new ConfigError('SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465');
  }
  const from = env.SMTP_FROM?.trim() ?? '';
  if (!/^[^\r\n@<>]*<[^\s@<>]+@[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+$/.test(from)) {
    throw new ConfigError(`SMTP_FROM must be a sender like kapitel@example.org or "Kapitel <kapitel@example.org>" when SMTP_URL is set, got "${from}"`);
  }
  return { url: raw, from };
}

function collabLimits(env: Env): CollabLimits {
  const d = DEFAULT_COLLAB_LIMITS;
  const mib = 1024 * 1024;
  return {
    ...d,
    tickMs: integer(env, 'COLLAB_TICK_MS', d.tickMs, 1, 1000),
    fanOutFramesPerSecond: integer(env, 'COLLAB_FANOUT_FRAMES_PER_SECOND', d.fanOutFramesPerSecond, 1, 10_000_000),
    maxFrameBytes: integer(env, 'COLLAB_MAX_FRAME_BYTES', d.maxFrameBytes, 1024, 256 * mib),
    maxDocumentBytes: integer(env, 'COLLAB_MAX_DOCUMENT_BYTES', d.maxDocumentBytes, 1024, 1024 * mib),
    messagesPerSecond: integer(env, 'COLLAB_MESSAGES_PER_SECOND', d.messagesPerSecond, 1, 100000),
    messageBurst: integer(env, 'COLLAB_MESSAGE_BURST', d.messageBurst, 1, 1000000),
    unloadAfterMs: integer(env, 'COLLAB_UNLOAD_AFTER_MS', d.unloadAfterMs, 0, 24 * 3600 * 1000),
  };
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  if (raw === 'true' || raw === '1') {
    return true;
  }
  if (raw === 'false' || raw === '0') {
    return false;
  }
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/**
 * Reads and checks the environment once at start. `defaults` fills values the caller
 * knows better (the repository root for relative paths, the web app's folder).
 */
export function loadConfig(env: Env, defaults: { cwd: string; webDist: string | null }): AppConfig {
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const dataDir = env.DATA_DIR || 'data';
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl: databaseUrl(env.DATABASE_URL),
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(defaults.cwd, dataDir),
    publicOrigin: env.PUBLIC_ORIGIN ? origin('PUBLIC_ORIGIN', env.PUBLIC_ORIGIN) : null,
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((value) => value.trim())
      .filter(Boolean)
      .map((value) => origin('ALLOWED_ORIGINS', value)),
    trustProxy: boolean(env, 'TRUST_PROXY', false),
    logLevel: logLevel as AppConfig['logLevel'],
    loginRateLimitPerEmail: integer(env, 'LOGIN_RATE_LIMIT_PER_EMAIL', 10, 1, 100000),
    loginRateLimitPerIp: integer(env, 'LOGIN_RATE_LIMIT_PER_IP', 100, 1, 1000000),
    loginRateWindowSeconds: integer(env, 'LOGIN_RATE_WINDOW_SECONDS', 900, 1, 86400),
    invitationRateLimitPerHour: integer(env, 'INVITATION_RATE_LIMIT_PER_HOUR', 100, 1, 100000),
    sessionDays: integer(env, 'SESSION_DAYS', 30, 1, 365),
    webDist: env.WEB_DIST ? resolve(defaults.cwd, env.WEB_DIST) : defaults.webDist,
    argon2MemoryKiB: integer(env, 'ARGON2_MEMORY_KIB', 19456, 1024, 1048576),
    redisUrl: redisUrl(env.REDIS_URL),
    collab: collabLimits(env),
    textChangeMs: integer(env, 'TEXT_CHANGE_MS', 5000, 50, 3600 * 1000),
    smtp: smtp(env),
    exportPollSeconds: integer(env, 'EXPORT_POLL_SECONDS', 5, 1, 3600),
    exportTimeoutSeconds: integer(env, 'EXPORT_TIMEOUT_SECONDS', 300, 5, 3600),
    exportRendererMaxMib: integer(env, 'EXPORT_RENDERER_MAX_MIB', 384, 64, 64 * 1024),
    exportRendererIdleSeconds: integer(env, 'EXPORT_RENDERER_IDLE_SECONDS', 60, 1, 24 * 3600),
    // Up to 256 MiB: the bytes are held in memory while stored and again in every export.
    imageMaxBytes: integer(env, 'IMAGE_MAX_BYTES', 10 * 1024 * 1024, 1024, 256 * 1024 * 1024),
    imageRetentionDays: integer(env, 'IMAGE_RETENTION_DAYS', 30, 0, 3650),
  };
}

/** The configuration of this process, from its environment. */
export function loadConfigFromEnvironment(defaults: { cwd: string; webDist: string | null }): AppConfig {
  return loadConfig(process.env, defaults);
}

/** Injection token for AppConfig (an interface has no runtime value). */
export const APP_CONFIG = Symbol('AppConfig');
