import { ERROR_CODES, errorCodeForStatus, type ErrorCode, type FieldError } from '@kapitel/domain';

/**
 * Codes the client itself produces: NETWORK when no answer arrived at all, UNKNOWN when an
 * answer arrived that is not in the API's error format (e.g. a proxy's HTML error page).
 */
export type ClientErrorCode = 'NETWORK' | 'UNKNOWN';

/** A failed API call, carrying the server's error code and field details. */
export class ApiError extends Error {
  constructor(
    /** HTTP status, 0 when the server was not reached. */
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly details: readonly FieldError[] = [],
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** True for the error fetch raises when its AbortSignal fires; such calls are simply dropped. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

type Listener = (error: ApiError) => void;
const unauthenticatedListeners = new Set<Listener>();

/**
 * Calls `listener` whenever a request is answered with UNAUTHENTICATED (the session ended
 * or expired), so that the app can forget its user and show the sign-in page.
 * Returns the function that unsubscribes.
 */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => {
    unauthenticatedListeners.delete(listener);
  };
}

/** The server said the session ended without a request failing (a logout announced live). */
export function reportSessionEnded(): void {
  const error = new ApiError(401, 'UNAUTHENTICATED', 'The session ended');
  unauthenticatedListeners.forEach((listener) => {
    listener(error);
  });
}

const signedInListeners = new Set<() => void>();

/**
 * Calls `listener` whenever someone signs in again in this tab after the session ended
 * with work kept on the page: what stopped at the end (event streams, the editor's
 * connection) starts again. Returns the function that unsubscribes.
 */
export function onSignedInAgain(listener: () => void): () => void {
  signedInListeners.add(listener);
  return () => {
    signedInListeners.delete(listener);
  };
}

/** The session is back (a new sign-in of the same user); see onSignedInAgain. */
export function reportSignedInAgain(): void {
  signedInListeners.forEach((listener) => {
    listener();
  });
}

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function parseDetails(value: unknown): FieldError[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value.flatMap((item: unknown): FieldError[] =>
    isRecord(item) && typeof item.field === 'string'
      ? [{ field: item.field, message: typeof item.message === 'string' ? item.message : '' }]
      : [],
  );
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = (await response.json()) as unknown;
  } catch {
    // Not JSON: handled by the status fallback below.
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (error !== null && typeof error.code === 'string' && KNOWN_CODES.has(error.code)) {
    return new ApiError(
      response.status,
      error.code as ErrorCode,
      typeof error.message === 'string' ? error.message : error.code,
      parseDetails(error.details),
      typeof error.requestId === 'string' ? error.requestId : undefined,
    );
  }
  // Not the API's error format: fall back to the status, so the user still gets a translated message.
  return new ApiError(response.status, errorCodeForStatus(response.status) ?? 'UNKNOWN', response.statusText);
}

export interface RequestOptions {
  signal?: AbortSignal;
}

async function request<T>(method: string, path: string, body: unknown, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  // A Blob (an uploaded image) goes as its raw bytes with its own type; anything else as JSON.
  const raw = body instanceof Blob;
  if (body !== undefined) {
    headers['Content-Type'] = raw ? body.type : 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
      // The session is an httpOnly cookie on our own origin; nothing is ever sent elsewhere.
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (isAbortError(error)) {
      throw error;
    }
    throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : 'Network error');
  }
  if (!response.ok) {
    const apiError = await toApiError(response);
    if (apiError.code === 'UNAUTHENTICATED') {
      unauthenticatedListeners.forEach((listener) => {
        listener(apiError);
      });
    }
    throw apiError;
  }
  if (response.status === 204) {
    return undefined as T;
  }
  const text = await response.text();
  const data: unknown = text === '' ? undefined : JSON.parse(text);
  return data as T;
}

/** Builds a path from segments, escaping each one (ids and tokens come from URLs). */
export function apiPath(strings: TemplateStringsArray, ...values: string[]): string {
  return strings.reduce(
    (path, part, index) =>
      path + part + (index < values.length ? encodeURIComponent(values[index] ?? '') : ''),
    '',
  );
}

/** The JSON API under `/api`. Paths are given without the `/api` prefix. */
export const api = {
  get: <T>(path: string, options: RequestOptions = {}) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options: RequestOptions = {}) =>
    request<T>('POST', path, body, options),
  patch: <T>(path: string, body?: unknown, options: RequestOptions = {}) =>
    request<T>('PATCH', path, body, options),
  delete: <T = void>(path: string, options: RequestOptions = {}) =>
    request<T>('DELETE', path, undefined, options),
};
