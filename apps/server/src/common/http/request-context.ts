import type { Request } from 'express';

/** Where a request comes from; recorded in the audit log. */
export interface ClientInfo {
  ip: string | null;
  requestId: string | null;
}

/** Who is calling: set by the session middleware when the session cookie is valid. */
export interface Actor extends ClientInfo {
  userId: string;
  sessionId: string;
  /** When the session ends: what stays open after the request (an event stream) ends then. */
  sessionExpiresAt: Date;
}

/** Our addition to an Express request (pino-http adds `id`). */
export interface KapitelRequest extends Request {
  actor?: Actor;
}

/** The request id pino-http assigned, as text. */
export function requestIdOf(req: Request): string | null {
  return typeof req.id === 'string' ? req.id : null;
}

export const SESSION_COOKIE = 'kapitel_session';
