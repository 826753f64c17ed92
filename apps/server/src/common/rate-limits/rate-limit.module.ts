import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { MemoryCounters, WINDOW_COUNTERS, type WindowCounters } from './counters.js';
import { RedisCounters } from './redis-counters.js';

/** The rate-limit counters of this process: in Redis with REDIS_URL (shared), else in memory. */
@Global()
@Module({
  providers: [
    {
      provide: WINDOW_COUNTERS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): WindowCounters => {
        if (!config.redisUrl) {
          return new MemoryCounters();
        }
        const logger = new Logger('RateLimits');
        let lastReport = 0;
        return new RedisCounters(config.redisUrl, (error) => {
          // At most one line a minute while Redis is away; counting goes on in memory.
          if (Date.now() - lastReport > 60_000) {
            lastReport = Date.now();
            logger.warn({ err: error }, 'Rate limits are counted in this process: Redis is not reachable');
          }
        });
      },
    },
  ],
  exports: [WINDOW_COUNTERS],
})
export class RateLimitModule implements OnApplicationShutdown {
  constructor(@Inject(WINDOW_COUNTERS) private readonly counters: WindowCounters) {}

  async onApplicationShutdown(): Promise<void> {
    await this.counters.close();
  }
}
