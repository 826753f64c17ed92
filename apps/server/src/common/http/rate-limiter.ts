import { DomainError } from '@kapitel/domain';

/** A 429 that tells the client when to try again (sent as `Retry-After`). */
export class RateLimitedError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many attempts; try again later',
  ) {
    super('RATE_LIMITED', message);
  }
}

/**
 * Fixed-window counter per key, in memory. Enough for one process; with several
 * processes each counts alone, so the effective limit is at most N times higher.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt for `key`; throws RateLimitedError when the window is full. */
  hit(key: string): void {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(key, window);
      this.sweep(now);
    }
    if (window.count >= this.limit) {
      throw new RateLimitedError(Math.max(1, Math.ceil((window.resetAt - now) / 1000)));
    }
    window.count += 1;
  }

  /** Forgets `key`, e.g. the email after a successful login. */
  reset(key: string): void {
    this.windows.delete(key);
  }

  // Dropping expired windows whenever a new one opens keeps memory bounded by live keys.
  private sweep(now: number): void {
    if (this.windows.size < 1000) {
      return;
    }
    for (const [key, window] of this.windows) {
      if (window.resetAt <= now) {
        this.windows.delete(key);
      }
    }
  }
}
