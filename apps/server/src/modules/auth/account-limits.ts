import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { WINDOW_COUNTERS, type WindowCounters } from '../../common/rate-limits/counters.js';
import { RateLimiter } from '../../common/rate-limits/rate-limiter.js';

/**
 * The rate limits of password changes and resets, with the login limits' numbers
 * (LOGIN_RATE_LIMIT_PER_EMAIL / _PER_IP per LOGIN_RATE_WINDOW_SECONDS).
 */
@Injectable()
export class AccountLimits {
  /**
   * The very counter of failed logins ('login-email', key `email:<address>`, as AuthService
   * counts it): guesses at a password through the change form and through the sign-in page
   * draw on one budget.
   */
  readonly passwordGuesses: RateLimiter;
  /** Per client address; each use keeps its own key (`password:`, `password-reset:` …). */
  readonly perIp: RateLimiter;
  /** Reset e-mails per address asked for, counted whether or not an account has it. */
  readonly resetMails: RateLimiter;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(WINDOW_COUNTERS) counters: WindowCounters) {
    const windowMs = config.loginRateWindowSeconds * 1000;
    this.passwordGuesses = new RateLimiter('login-email', config.loginRateLimitPerEmail, windowMs, counters);
    this.perIp = new RateLimiter('login-ip', config.loginRateLimitPerIp, windowMs, counters);
    this.resetMails = new RateLimiter('password-reset-email', config.loginRateLimitPerEmail, windowMs, counters);
  }

  /** The key of `passwordGuesses` for an account's (normalised) address. */
  static guessKey(email: string): string {
    return `email:${email}`;
  }
}
