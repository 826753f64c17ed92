import { DomainError, type EndedSessionsResponse, type User } from '@kapitel/domain';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { Actor } from '../../common/http/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { AccountLimits } from './account-limits.js';
import type { ChangePasswordDto, UpdateMeDto } from './account.dto.js';
import { toUser } from './auth.dto.js';
import { PasswordHasher } from './password.js';
import { PasswordWriter } from './password-writer.js';
import { UserRepository } from './user.repository.js';

/** The signed-in user's own account: name and organisation, password, their other sessions. */
@Injectable()
export class AccountService {
  private readonly passwords: PasswordHasher;

  constructor(
    private readonly users: UserRepository,
    private readonly writer: PasswordWriter,
    private readonly limits: AccountLimits,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.passwords = new PasswordHasher(config.argon2MemoryKiB);
  }

  async updateProfile(actor: Actor, dto: UpdateMeDto): Promise<User> {
    const before = await this.users.getById(actor.userId);
    const changes: { name?: string; organisation?: string | null } = {};
    if (dto.name !== undefined && dto.name !== before.name) {
      changes.name = dto.name;
    }
    if (dto.organisation !== undefined && (dto.organisation || null) !== before.organisation) {
      changes.organisation = dto.organisation || null;
    }
    if (Object.keys(changes).length === 0) {
      return toUser(before);
    }
    await this.users.update(actor.userId, changes);
    const was = Object.fromEntries(Object.keys(changes).map((key) => [key, before[key as keyof typeof changes]]));
    await this.audit.record({
      action: 'user.updated',
      actorId: actor.userId,
      targetType: 'user',
      targetId: actor.userId,
      data: { before: was, after: changes },
      client: actor,
    });
    return toUser(await this.users.getById(actor.userId));
  }

  /**
   * Checks the current password (counted like a failed login when wrong), sets the new one
   * and ends every other session of the user; the session asking stays.
   */
  async changePassword(actor: Actor, dto: ChangePasswordDto): Promise<EndedSessionsResponse> {
    const user = await this.users.getById(actor.userId);
    const guessKey = AccountLimits.guessKey(user.email);
    await this.limits.perIp.hit(`password:${actor.ip ?? 'unknown'}`);
    await this.limits.passwordGuesses.hit(guessKey);
    if (!(await this.passwords.verify(user.passwordHash, dto.currentPassword))) {
      await this.audit.record({ action: 'password.change_failed', actorId: user.id, targetType: 'user', targetId: user.id, client: actor });
      throw new DomainError('WRONG_PASSWORD', 'The current password is wrong', [
        { field: 'currentPassword', message: 'currentPassword is wrong' },
      ]);
    }
    const endedSessions = await this.writer.write({
      userId: user.id,
      passwordHash: await this.passwords.hash(dto.newPassword),
      keepSessionId: actor.sessionId,
      action: 'password.changed',
      client: actor,
    });
    await this.limits.passwordGuesses.reset(guessKey);
    return { endedSessions };
  }

  /** "Sign out everywhere else": every session of the user but the one asking ends. */
  async endOtherSessions(actor: Actor): Promise<EndedSessionsResponse> {
    return { endedSessions: await this.writer.endOtherSessions(actor.userId, actor.sessionId, actor) };
  }
}
