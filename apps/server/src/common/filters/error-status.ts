import { assertNever, type ErrorCode } from '@kapitel/domain';

/** The one mapping from domain error codes to HTTP statuses. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION':
    case 'IMAGE_EMPTY':
    case 'RESET_LINK_INVALID':
    case 'RESET_LINK_EXPIRED':
    case 'RESET_LINK_USED':
      return 400;
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
      return 401;
    case 'FORBIDDEN':
    case 'CSRF':
    case 'INVITATION_WRONG_ACCOUNT':
    case 'WRONG_PASSWORD':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'METHOD_NOT_ALLOWED':
      return 405;
    case 'EMAIL_TAKEN':
    case 'LAST_LEAD':
    case 'ACCOUNT_SOLE_LEAD':
    case 'ALREADY_MEMBER':
    case 'ABBREVIATION_EXISTS':
    case 'SOURCE_IN_USE':
    case 'INVITATION_EXPIRED':
    case 'INVITATION_USED':
    case 'INVITATION_REVOKED':
    case 'ILLEGAL_TRANSITION':
    case 'OUTLINE_CYCLE':
    case 'NOT_ALL_APPROVED':
    case 'NOT_EDITABLE':
    case 'CONFLICT':
    case 'SUGGESTION_OUTDATED':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
    case 'IMAGE_TOO_LARGE':
      return 413;
    case 'IMAGE_TYPE_UNSUPPORTED':
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
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
