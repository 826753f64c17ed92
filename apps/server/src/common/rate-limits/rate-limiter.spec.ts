import { RateLimitedError, RateLimiter } from './rate-limiter.js';
import { MemoryCounters } from './counters.js';

function limiterAt(clock: { now: number }, limit = 2, windowMs = 60_000): RateLimiter {
  return new RateLimiter('test', limit, windowMs, new MemoryCounters(() => clock.now));
}

describe('RateLimiter with counters in memory', () => {
  it('allows `limit` attempts per window and refuses the next with the seconds until the window ends', async () => {
    const clock = { now: 0 };
    const limiter = limiterAt(clock);
    await limiter.hit('a');
    clock.now = 15_000;
    await limiter.hit('a');
    const refused = await limiter.hit('a').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).retryAfterSeconds).toBe(45);
  });

  it('counts keys apart and starts a new window once the old one ended', async () => {
    const clock = { now: 0 };
    const limiter = limiterAt(clock, 1);
    await limiter.hit('a');
    await limiter.hit('b');
    await expect(limiter.hit('a')).rejects.toThrow(RateLimitedError);
    clock.now = 60_000;
    await expect(limiter.hit('a')).resolves.toBeUndefined();
  });

  it('forgets a key on reset', async () => {
    const limiter = limiterAt({ now: 0 }, 1);
    await limiter.hit('a');
    await limiter.reset('a');
    await expect(limiter.hit('a')).resolves.toBeUndefined();
  });

  it('keeps the keys of differently named limits apart in one store', async () => {
    const counters = new MemoryCounters(() => 0);
    const logins = new RateLimiter('logins', 1, 60_000, counters);
    const invitations = new RateLimiter('invitations', 1, 60_000, counters);
    await logins.hit('x');
    await expect(invitations.hit('x')).resolves.toBeUndefined();
  });
});
