/**
 * Every error code the API can answer with. The server maps each one to an HTTP status in
 * one exhaustive switch; the web app maps each one to a translated message.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF',
  'NOT_FOUND',
  'EMAIL_TAKEN',
  'INVALID_CREDENTIALS',
  'LAST_LEAD',
  'ALREADY_MEMBER',
  'INVITATION_EXPIRED',
  'INVITATION_USED',
  'INVITATION_REVOKED',
  'INVITATION_WRONG_ACCOUNT',
  'ILLEGAL_TRANSITION',
  'NOT_ALL_APPROVED',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One offending field of a request, named by its path (`anchor.start`). */
export interface FieldError {
  field: string;
  message: string;
}

/** The body of every error answer. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: FieldError[]; requestId?: string };
}

/** An expected failure of a use case; services throw it, the server maps `code` to a status. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = code,
    readonly details?: FieldError[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
