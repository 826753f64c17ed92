import { LIMITS } from '@kapitel/domain';

/** Where to go after signing in when no (valid) `next` was given. */
export const DEFAULT_AFTER_LOGIN = '/projects';

/**
 * The `next` query parameter, accepted only as a path on this site. Anything else
 * (`https://evil.example`, `//evil.example`, `/\evil.example`) would turn the sign-in page
 * into an open redirect.
 */
export function safeNextPath(raw: string | null): string {
  if (raw === null || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) {
    return DEFAULT_AFTER_LOGIN;
  }
  return raw;
}

/**
 * `/login?next=...` (or `/register`) that returns to `path` afterwards; with `email`, the
 * form starts with that address (an invitation's: the account must have it).
 */
export function authPathReturningTo(page: '/login' | '/register', path: string, email?: string): string {
  return `${page}?${new URLSearchParams({ next: path, ...(email ? { email } : {}) }).toString()}`;
}

/** The `email` query parameter as a form's first value: only something shaped like an address. */
export function suggestedEmail(raw: string | null): string {
  return raw !== null && raw.length <= LIMITS.emailMaxLength && /^[^\s@]+@[^\s@]+$/.test(raw) ? raw : '';
}
