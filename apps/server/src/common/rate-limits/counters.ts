/** Counts attempts per key in fixed windows; shared by all processes when it lives in Redis. */
export interface WindowCounters {
  /** Counts one attempt; returns the count in the current window and when that window ends. */
  increment(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
  /** Forgets a key, e.g. the email after a successful login. */
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}

/** The Nest token of the process's WindowCounters. */
export const WINDOW_COUNTERS = Symbol('WindowCounters');

/**
 * Counters in this process's memory: right for one process; with several, each counts
 * alone (so a limit is up to N times higher), which is why REDIS_URL moves them to Redis.
 */
export class MemoryCounters implements WindowCounters {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  increment(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }> {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, window);
      this.sweep(now);
    }
    window.count += 1;
    return Promise.resolve({ count: window.count, resetInMs: window.resetAt - now });
  }

  reset(key: string): Promise<void> {
    this.windows.delete(key);
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
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
