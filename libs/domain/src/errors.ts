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
  'METHOD_NOT_ALLOWED',
  'EMAIL_TAKEN',
  'INVALID_CREDENTIALS',
  'LAST_LEAD',
  'ACCOUNT_SOLE_LEAD',
  'ALREADY_MEMBER',
  'ABBREVIATION_EXISTS',
  'SOURCE_IN_USE',
  'INVITATION_EXPIRED',
  'INVITATION_USED',
  'INVITATION_REVOKED',
  'INVITATION_WRONG_ACCOUNT',
  'WRONG_PASSWORD',
  'RESET_LINK_INVALID',
  'RESET_LINK_EXPIRED',
  'RESET_LINK_USED',
  'ILLEGAL_TRANSITION',
  'OUTLINE_CYCLE',
  'NOT_ALL_APPROVED',
  'NOT_EDITABLE',
  'CONFLICT',
  'SUGGESTION_OUTDATED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'IMAGE_EMPTY',
  'IMAGE_TOO_LARGE',
  'IMAGE_TYPE_UNSUPPORTED',
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

/** A 400 about one field of the request, naming it in `details`. */
export function invalidField(field: string, message: string): DomainError {
  return new DomainError('VALIDATION', message, [{ field, message }]);
}

/**
 * The error code an HTTP status stands for when no coded body says more (a proxy's 502, an
 * error thrown below our own code). Null for a 4xx status without an obvious meaning; the
 * caller picks its own default.
 */
export function errorCodeForStatus(status: number): ErrorCode | null {
  switch (status) {
    case 400:
      return 'VALIDATION';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 429:
      return 'RATE_LIMITED';
    case 502:
    case 503:
    case 504:
      return 'SERVICE_UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL' : null;
  }
}
