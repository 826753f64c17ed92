/**
 * The signed-in user's own account (`/api/me`) and the forgotten-password flow
 * (`/api/auth/password-reset`); docs/accounts.md. Name, organisation and passwords follow
 * the registration's rules (`LIMITS`).
 */
import type { Language } from './limits.js';

/** How long an e-mailed (or operator-made) password reset link can be used. */
export const PASSWORD_RESET_VALID_MINUTES = 60;

/** `PATCH /api/me`: fields left out stay; an empty or null organisation removes it. */
export interface UpdateMeRequest {
  name?: string;
  organisation?: string | null;
}

/** `POST /api/me/password`: the other sessions end, the one asking stays. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** Answer of a password change and of `POST /api/me/sessions/end-others`. */
export interface EndedSessionsResponse {
  /** How many other sessions of the user were ended. */
  endedSessions: number;
}

/** `POST /api/auth/password-reset`; `language` picks the e-mail's language (German by default). */
export interface PasswordResetRequest {
  email: string;
  language?: Language;
}

/**
 * What `GET /api/auth/password-reset` and every `POST` answer, the same whether the account
 * exists or not: whether this server sends reset links by e-mail at all (else the operator
 * makes them).
 */
export interface PasswordResetInfo {
  byEmail: boolean;
}

/** `POST /api/auth/password-reset/confirm`: sets the password and ends every session of the user. */
export interface PasswordResetConfirmRequest {
  token: string;
  newPassword: string;
}
