import { DomainError } from '@kapitel/domain';
import type { WindowCounters } from './counters.js';

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
 * At most `limit` attempts per key in a fixed window, counted in `counters` (Redis when the
 * deployment has it, so the limit holds across processes; else this process's memory).
 * `name` keeps the keys of different limits apart.
 */
export class RateLimiter {
  constructor(
    private readonly name: string,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly counters: WindowCounters,
  ) {}

  /** Counts one attempt for `key`; throws RateLimitedError when the window is full. */
  async hit(key: string): Promise<void> {
    const { count, resetInMs } = await this.counters.increment(`${this.name}:${key}`, this.windowMs);
    if (count > this.limit) {
      throw new RateLimitedError(Math.max(1, Math.ceil(resetInMs / 1000)));
    }
  }

  /** Forgets `key`, e.g. the email after a successful login. */
  reset(key: string): Promise<void> {
    return this.counters.reset(`${this.name}:${key}`);
  }
}
