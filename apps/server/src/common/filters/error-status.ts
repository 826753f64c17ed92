import { assertNever, type ErrorCode } from '@kapitel/domain';

/** The one mapping from domain error codes to HTTP statuses. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION':
      return 400;
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
      return 401;
    case 'FORBIDDEN':
    case 'CSRF':
    case 'INVITATION_WRONG_ACCOUNT':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'EMAIL_TAKEN':
    case 'LAST_LEAD':
    case 'ALREADY_MEMBER':
    case 'INVITATION_EXPIRED':
    case 'INVITATION_USED':
    case 'INVITATION_REVOKED':
    case 'ILLEGAL_TRANSITION':
    case 'NOT_ALL_APPROVED':
    case 'CONFLICT':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'RATE_LIMITED':
      return 429;
    case 'INTERNAL':
      return 500;
    case 'SERVICE_UNAVAILABLE':
      return 503;
    default:
      return assertNever(code);
  }
}

/** The code we answer with for an HTTP status that did not come from a DomainError. */
export function codeOfStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'VALIDATION';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 429:
      return 'RATE_LIMITED';
    case 503:
      return 'SERVICE_UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL' : 'VALIDATION';
  }
}
