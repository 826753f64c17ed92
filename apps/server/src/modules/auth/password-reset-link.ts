import { randomBytes } from 'node:crypto';
import { PASSWORD_RESET_VALID_MINUTES } from '@kapitel/domain';
import { hashToken } from './session.service.js';

/** The web app's page that takes a reset link's token (apps/web, route `reset-password`). */
export const RESET_PAGE_PATH = '/reset-password';

/** A new link's token (32 random bytes, for the link) and its SHA-256 (the only thing stored). */
export function newResetToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

/** When a link made at `now` stops working. */
export function resetExpiry(now: Date): Date {
  return new Date(now.getTime() + PASSWORD_RESET_VALID_MINUTES * 60_000);
}

/** The address to open: the reset page of `origin` with the token. */
export function resetLink(origin: string, token: string): string {
  return `${origin}${RESET_PAGE_PATH}?token=${encodeURIComponent(token)}`;
}

/** The parts of a request that name the host it was sent to (after `trust proxy`). */
export interface RequestHost {
  protocol: string;
  /** `host[:port]` as the client sent it. */
  host: string;
  /** The host name alone. */
  hostname: string;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[?::1\]?)$/i;

/**
 * The origin reset links are built from: PUBLIC_ORIGIN, else the request's own host, but only
 * when that host is this machine (a local or test setup). Anyone can send any Host header, and
 * a reset link pointing to a host of their choosing would hand them the victim's token; with
 * PUBLIC_ORIGIN unset we therefore cannot e-mail links to other hosts (null).
 */
export function resetLinkOrigin(publicOrigin: string | null, request: RequestHost): string | null {
  if (publicOrigin !== null) {
    return publicOrigin;
  }
  return LOOPBACK.test(request.hostname) ? `${request.protocol}://${request.host}` : null;
}
