import { DomainError } from '@kapitel/domain';
import type { NextFunction, Response } from 'express';
import type { AppConfig } from '../../config/app-config.js';
import { SESSION_COOKIE, type KapitelRequest } from './request-context.js';

/**
 * True when `origin` may act with our cookie: the configured public origin (or, without
 * one, the origin of the request's own Host) and the configured extra origins. Used for
 * state-changing requests and for WebSocket upgrades alike.
 */
export function isAllowedOrigin(
  config: Pick<AppConfig, 'publicOrigin' | 'allowedOrigins'>,
  origin: string,
  request: { host: string | undefined; secure: boolean },
): boolean {
  if (config.allowedOrigins.includes(origin)) {
    return true;
  }
  if (config.publicOrigin) {
    return origin === config.publicOrigin;
  }
  return request.host !== undefined && origin === `${request.secure ? 'https' : 'http'}://${request.host}`;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection by Origin check. A state-changing request that carries our session
 * cookie must come from an allowed origin; one without the cookie (login, register, API
 * clients) may omit Origin but must not name a foreign one.
 */
export function originCheck(config: AppConfig) {
  return (req: KapitelRequest, _res: Response, next: NextFunction): void => {
    if (SAFE_METHODS.has(req.method)) {
      next();
      return;
    }
    const origin = req.headers.origin;
    const hasCookie = typeof req.cookies?.[SESSION_COOKIE] === 'string';
    const allowed = origin !== undefined && isAllowedOrigin(config, origin, { host: req.headers.host, secure: req.secure });
    if ((hasCookie && !allowed) || (origin !== undefined && !allowed)) {
      next(new DomainError('CSRF', 'This request must come from the Kapitel web app (Origin check failed)'));
      return;
    }
    next();
  };
}
