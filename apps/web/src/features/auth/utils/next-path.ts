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

/** `/login?next=...` (or `/register`) that returns to `path` afterwards. */
export function authPathReturningTo(page: '/login' | '/register', path: string): string {
  return `${page}?${new URLSearchParams({ next: path }).toString()}`;
}
