import { DomainError, errorCodeForStatus, type ErrorBody } from '@kapitel/domain';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { RateLimitedError } from '../rate-limits/rate-limiter.js';
import { allowedMethods, isUnroutedRequest } from '../http/method-not-allowed.js';
import { requestIdOf, type KapitelRequest } from '../http/request-context.js';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { statusOf } from './error-status.js';

interface HttpLikeError {
  /** The raw body, on a body-parser failure. */
  body?: unknown;
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  expose?: unknown;
  message?: unknown;
  getStatus?: () => number;
}

/** Whether `raw` (a body the JSON parser refused) is JSON all the same: `null`, `"abc"`, `12`. */
function isJsonValue(raw: unknown): boolean {
  try {
    JSON.parse(String(raw));
    return typeof raw === 'string';
  } catch {
    return false;
  }
}

/** Body-parser failures carry a `type`; these are the client's fault and say why. */
function bodyParserMessage(error: HttpLikeError): string | null {
  switch (error.type) {
    case 'entity.parse.failed':
      // The parser takes only objects and arrays: a bare `null` or text is JSON, but no body here.
      return isJsonValue(error.body) ? 'The request body must be a JSON object' : 'The request body is not valid JSON';
    case 'entity.too.large':
      return 'The request body is too large';
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return 'The request body has an unsupported encoding';
    default:
      return null;
  }
}

/**
 * Turns anything thrown while handling a request into the API's error body. Expected
 * failures keep their code and message; anything else is logged with the request id and
 * answered as a 500 without detail, so that no stack trace or internal text leaks.
 */
export function sendError(error: unknown, req: KapitelRequest, res: Response, logger: Logger): void {
  const requestId = requestIdOf(req);
  let status: number;
  let body: ErrorBody;
  if (error instanceof DomainError) {
    status = statusOf(error.code);
    body = { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
    if (error instanceof RateLimitedError) {
      res.setHeader('Retry-After', String(error.retryAfterSeconds));
    }
  } else {
    const http = (typeof error === 'object' && error !== null ? error : {}) as HttpLikeError;
    const raw = typeof http.getStatus === 'function' ? http.getStatus() : (http.status ?? http.statusCode);
    const allowed = isUnroutedRequest(error, req) ? allowedMethods(req) : [];
    if (isDatabaseUnavailable(error)) {
      status = 503;
    } else if (allowed.length > 0) {
      status = 405;
      res.setHeader('Allow', allowed.join(', '));
    } else {
      status = typeof raw === 'number' && raw >= 400 && raw < 600 ? raw : 500;
    }
    const code = errorCodeForStatus(status) ?? 'VALIDATION';
    const parserMessage = bodyParserMessage(http);
    let message: string;
    if (status === 503) {
      message = 'The service is unavailable right now; please try again later';
    } else if (status >= 500) {
      message = 'Something went wrong on our side; the error has been logged';
    } else if (parserMessage) {
      message = parserMessage;
    } else if (status === 405) {
      message = `${req.method} is not allowed here; this address takes ${allowed.join(', ')}`;
    } else if (status === 404) {
      message = `No such resource: ${req.method} ${req.originalUrl.split('?')[0]}`;
    } else {
      message = typeof http.message === 'string' ? http.message : code;
    }
    // A body the parser refused is named as the field at fault, as a DTO's field would be.
    body = { error: { code, message, ...(parserMessage && status < 500 ? { details: [{ field: 'body', message }] } : {}) } };
  }
  if (status >= 500) {
    logger.error({ err: error, requestId, method: req.method, url: req.originalUrl }, 'request failed');
  }
  if (requestId) {
    body.error.requestId = requestId;
  }
  if (res.headersSent) {
    res.end();
    return;
  }
  res.status(status).json(body);
}
