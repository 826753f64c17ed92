import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { requestIdOf, SESSION_COOKIE, type KapitelRequest } from '../../common/http/request-context.js';
import { SessionService } from './session.service.js';

/** Resolves the session cookie to `req.actor`; an unknown or expired cookie leaves it unset. */
@Injectable()
export class SessionMiddleware implements NestMiddleware {
  constructor(private readonly sessions: SessionService) {}

  async use(req: KapitelRequest, _res: Response, next: NextFunction): Promise<void> {
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string' && token) {
      const session = await this.sessions.resolve(token);
      if (session) {
        req.actor = {
          sessionId: session.sessionId,
          sessionExpiresAt: session.expiresAt,
          userId: session.userId,
          ip: req.ip ?? null,
          requestId: requestIdOf(req),
        };
      }
    }
    next();
  }
}
