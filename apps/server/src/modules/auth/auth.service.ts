import { DomainError, normaliseEmail, type User } from '@kapitel/domain';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { RateLimiter } from '../../common/rate-limits/rate-limiter.js';
import { WINDOW_COUNTERS, type WindowCounters } from '../../common/rate-limits/counters.js';
import type { Actor, ClientInfo } from '../../common/http/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { toUser, type LoginDto, type RegisterDto } from './auth.dto.js';
import { PasswordHasher } from './password.js';
import { SessionService } from './session.service.js';
import { UserRepository } from './user.repository.js';

export interface SignedIn {
  user: User;
  token: string;
  maxAgeMs: number;
}

@Injectable()
export class AuthService {
  private readonly passwords: PasswordHasher;
  private readonly perEmail: RateLimiter;
  private readonly perIp: RateLimiter;

  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(WINDOW_COUNTERS) counters: WindowCounters,
  ) {
    this.passwords = new PasswordHasher(config.argon2MemoryKiB);
    const windowMs = config.loginRateWindowSeconds * 1000;
    this.perEmail = new RateLimiter('login-email', config.loginRateLimitPerEmail, windowMs, counters);
    this.perIp = new RateLimiter('login-ip', config.loginRateLimitPerIp, windowMs, counters);
  }

  async register(dto: RegisterDto, client: ClientInfo): Promise<SignedIn> {
    // Counted apart from logins, so that a classroom registering together does not lock out sign-ins.
    await this.perIp.hit(`register:${client.ip ?? 'unknown'}`);
    const user = await this.users.insert({
      email: normaliseEmail(dto.email),
      passwordHash: await this.passwords.hash(dto.password),
      name: dto.name,
      organisation: dto.organisation ? dto.organisation : null,
    });
    await this.audit.record({ action: 'user.registered', actorId: user.id, targetType: 'user', targetId: user.id, client });
    return { user: toUser(user), ...(await this.sessions.open(user.id)) };
  }

  /** Unknown email and wrong password get the same answer, after the same work. */
  async login(dto: LoginDto, client: ClientInfo): Promise<SignedIn> {
    const email = normaliseEmail(dto.email);
    await this.perIp.hit(`login:${client.ip ?? 'unknown'}`);
    await this.perEmail.hit(`email:${email}`);
    const user = await this.users.findByEmail(email);
    const valid = user
      ? await this.passwords.verify(user.passwordHash, dto.password)
      : await this.passwords.verifyNothing(dto.password);
    if (!user || !valid) {
      await this.audit.record({ action: 'login.failed', actorId: user?.id ?? null, data: { email }, client });
      throw new DomainError('INVALID_CREDENTIALS', 'Email or password is wrong');
    }
    await this.perEmail.reset(`email:${email}`);
    await this.audit.record({ action: 'login.succeeded', actorId: user.id, client });
    return { user: toUser(user), ...(await this.sessions.open(user.id)) };
  }

  async logout(actor: Actor): Promise<void> {
    await this.sessions.close(actor.sessionId);
    await this.audit.record({ action: 'logout', actorId: actor.userId, client: actor });
  }

  async me(actor: Actor): Promise<User> {
    return toUser(await this.users.getById(actor.userId));
  }
}
