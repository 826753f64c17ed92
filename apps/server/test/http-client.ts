/** What a request answered. */
export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  /** Send this Origin instead of the server's own; null sends none. */
  origin?: string | null;
  headers?: Record<string, string>;
  /** A raw body, sent as is (for malformed JSON). */
  raw?: string;
}

/**
 * A browser-like HTTP client for tests: keeps the session cookie it is given and sends
 * the server's own Origin on every request, as the web app does.
 */
export class HttpClient {
  cookie: string | null = null;

  constructor(readonly origin: string) {}

  get<T = unknown>(path: string, options?: RequestOptions): Promise<Answer<T>> {
    return this.request<T>('GET', path, undefined, options);
  }
  post<T = unknown>(path: string, body?: unknown, options?: RequestOptions): Promise<Answer<T>> {
    return this.request<T>('POST', path, body, options);
  }
  patch<T = unknown>(path: string, body?: unknown, options?: RequestOptions): Promise<Answer<T>> {
    return this.request<T>('PATCH', path, body, options);
  }
  delete<T = unknown>(path: string, options?: RequestOptions): Promise<Answer<T>> {
    return this.request<T>('DELETE', path, undefined, options);
  }

  async request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    const origin = options.origin === undefined ? this.origin : options.origin;
    if (origin !== null) {
      headers.origin = origin;
    }
    if (this.cookie) {
      headers.cookie = this.cookie;
    }
    let payload: string | undefined;
    if (options.raw !== undefined) {
      payload = options.raw;
      headers['content-type'] ??= 'application/json';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(this.origin + path, { method, headers, body: payload, redirect: 'manual' });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie?.startsWith('kapitel_session=')) {
      const value = setCookie.split(';')[0];
      this.cookie = value === 'kapitel_session=' ? null : value;
    }
    const text = await response.text();
    let parsed: unknown = text;
    if (response.headers.get('content-type')?.includes('application/json') && text) {
      parsed = JSON.parse(text);
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
}
