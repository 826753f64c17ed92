import { Redis } from 'ioredis';
import { MemoryCounters, type WindowCounters } from './counters.js';

// One round trip, atomic: the first attempt of a window starts its expiry.
const INCREMENT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}`;

const PREFIX = 'kapitel:rate:';

/**
 * Counters in Redis, shared by every process of the deployment, so a limit holds for the
 * whole service. While Redis cannot be reached, this process counts in memory instead: a
 * sign-in must not fail because a counter is away, and a per-process limit still holds.
 */
export class RedisCounters implements WindowCounters {
  private readonly redis: Redis;
  private readonly fallback = new MemoryCounters();

  constructor(
    url: string,
    private readonly onError: (error: unknown) => void,
  ) {
    // No offline queue: an attempt is counted now or falls back now, never waits.
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 });
    this.redis.on('error', () => undefined); // reported per failed call below
  }

  async increment(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }> {
    try {
      const [count, ttl] = (await this.redis.eval(INCREMENT, 1, PREFIX + key, String(windowMs))) as [number, number];
      return { count, resetInMs: ttl };
    } catch (error) {
      this.onError(error);
      return this.fallback.increment(key, windowMs);
    }
  }

  async reset(key: string): Promise<void> {
    await this.fallback.reset(key);
    try {
      await this.redis.del(PREFIX + key);
    } catch (error) {
      this.onError(error);
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
    await this.fallback.close();
  }
}
