import { DomainError } from '@kapitel/domain';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { Actor } from '../../common/http/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { AccountLimits } from './account-limits.js';
import { PasswordHasher } from './password.js';
import type { UserEntity } from './user.entity.js';
import { UserRepository } from './user.repository.js';

/** The account actions confirmed with the current password, each with its own per-address counter and audit action. */
const USES = {
  password: { ipKey: 'password', failed: 'password.change_failed' },
  email: { ipKey: 'email-change', failed: 'email.change_failed' },
  deletion: { ipKey: 'account-deletion', failed: 'account.deletion_failed' },
} as const;
export type PasswordUse = keyof typeof USES;

/**
 * Checks the signed-in user's current password before a change to the account. Every try
 * counts per client address and on the very counter of failed sign-ins of the account's
 * address (AccountLimits): guesses through any form of the account page and through the
 * sign-in page draw on one budget. A wrong password is 403 WRONG_PASSWORD at the field
 * `currentPassword`, with an audit row.
 */
@Injectable()
export class CurrentPasswordCheck {
  private readonly passwords: PasswordHasher;

  constructor(
    private readonly users: UserRepository,
    private readonly limits: AccountLimits,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.passwords = new PasswordHasher(config.argon2MemoryKiB);
  }

  /** Returns the account when `password` is its password. */
  async verify(actor: Actor, password: string, use: PasswordUse): Promise<UserEntity> {
    const user = await this.users.getById(actor.userId);
    await this.limits.perIp.hit(`${USES[use].ipKey}:${actor.ip ?? 'unknown'}`);
    await this.limits.passwordGuesses.hit(AccountLimits.guessKey(user.email));
    if (!(await this.passwords.verify(user.passwordHash, password))) {
      await this.audit.record({ action: USES[use].failed, actorId: user.id, targetType: 'user', targetId: user.id, client: actor });
      throw new DomainError('WRONG_PASSWORD', 'The current password is wrong', [
        { field: 'currentPassword', message: 'currentPassword is wrong' },
      ]);
    }
    return user;
  }

  /** After a successful change: the account's failed-guess counter starts afresh. */
  async passed(email: string): Promise<void> {
    await this.limits.passwordGuesses.reset(AccountLimits.guessKey(email));
  }

  hash(password: string): Promise<string> {
    return this.passwords.hash(password);
  }
}
