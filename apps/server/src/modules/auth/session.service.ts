import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { SessionRepository } from './session.repository.js';

export interface LiveSession {
  sessionId: string;
  userId: string;
  /** Fixed when the session opened; connections opened with it end then (collab, events). */
  expiresAt: Date;
}

/** Server-side sessions: the cookie holds 32 random bytes, the database only their SHA-256. */
@Injectable()
export class SessionService {
  constructor(
    private readonly sessions: SessionRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Opens a session and returns the token for the cookie, and how long it lives. */
  async open(userId: string): Promise<{ token: string; maxAgeMs: number }> {
    const token = randomBytes(32).toString('base64url');
    const maxAgeMs = this.config.sessionDays * 24 * 3600 * 1000;
    await this.sessions.deleteExpiredOf(userId, new Date());
    await this.sessions.insert({ tokenHash: hashToken(token), userId, expiresAt: new Date(Date.now() + maxAgeMs) });
    return { token, maxAgeMs };
  }

  /** The live session behind a cookie token, or null when unknown or expired. */
  async resolve(token: string): Promise<LiveSession | null> {
    if (token.length > 100) {
      return null;
    }
    const session = await this.sessions.findLiveByTokenHash(hashToken(token), new Date());
    return session ? { sessionId: session.id, userId: session.userId, expiresAt: session.expiresAt } : null;
  }

  async close(sessionId: string): Promise<void> {
    await this.sessions.delete(sessionId);
  }
}

/** SHA-256 suffices (no slow hash needed): the token is 256 random bits, not a password. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
