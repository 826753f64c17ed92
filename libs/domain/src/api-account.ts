/**
 * The signed-in user's own account (`/api/me`) and the forgotten-password flow
 * (`/api/auth/password-reset`); docs/accounts.md. Name, organisation and passwords follow
 * the registration's rules (`LIMITS`).
 */
import type { User } from './api.js';
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

/**
 * `POST /api/me/email`: a new address for the account, confirmed with the current password.
 * Normalised like at registration; the other sessions end; a notice goes to the old address
 * when the server sends e-mail, in `language` (German by default).
 */
export interface ChangeEmailRequest {
  newEmail: string;
  currentPassword: string;
  language?: Language;
}

/** Answer of an e-mail change: the account as it is now, and how many other sessions ended. */
export interface ChangeEmailResponse extends EndedSessionsResponse {
  user: User;
}

/** A project named in the answers about deleting an account. */
export interface AccountProjectRef {
  id: string;
  title: string;
}

/**
 * `GET /api/me/deletion`: what deleting the account would do to the caller's projects, for the
 * confirmation to name them. `blocking`: projects in which the caller is the only lead while
 * others are members (deletion is refused, 409 ACCOUNT_SOLE_LEAD, until another lead is
 * appointed); `deletedWithAccount`: projects with no other member, deleted with the account;
 * `left`: projects the caller leaves (their work stays, shown as a deleted account).
 */
export interface AccountDeletionPreview {
  blocking: AccountProjectRef[];
  deletedWithAccount: AccountProjectRef[];
  left: AccountProjectRef[];
}

/** `POST /api/me/deletion`: deletes the caller's account for good (204), confirmed with the password. */
export interface DeleteAccountRequest {
  currentPassword: string;
}
