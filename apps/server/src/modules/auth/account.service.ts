import { DomainError, normaliseEmail, type ChangeEmailResponse, type EndedSessionsResponse, type User } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/http/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { composeEmailChangedMail } from './account-mail.js';
import type { ChangeEmailDto, ChangePasswordDto, UpdateMeDto } from './account.dto.js';
import { toUser } from './auth.dto.js';
import { CurrentPasswordCheck } from './current-password.js';
import { PasswordResetRepository } from './password-reset.repository.js';
import { PasswordWriter } from './password-writer.js';
import { ResetMailer } from './reset-mailer.js';
import { SessionRepository } from './session.repository.js';
import { UserRepository } from './user.repository.js';

/** The signed-in user's own account: name and organisation, address, password, their other sessions. */
@Injectable()
export class AccountService {
  constructor(
    private readonly users: UserRepository,
    private readonly writer: PasswordWriter,
    private readonly current: CurrentPasswordCheck,
    private readonly audit: AuditService,
    private readonly mailer: ResetMailer,
    private readonly sessions: SessionRepository,
    private readonly resets: PasswordResetRepository,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

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
    const user = await this.current.verify(actor, dto.currentPassword, 'password');
    const endedSessions = await this.writer.write({
      userId: user.id,
      passwordHash: await this.current.hash(dto.newPassword),
      keepSessionId: actor.sessionId,
      action: 'password.changed',
      client: actor,
    });
    await this.current.passed(user.email);
    return { endedSessions };
  }

  /**
   * A new address, confirmed with the current password. As with a password change, every other
   * session ends; open reset links (sent to the old address) are spent. The old address is told,
   * after the answer, when this server sends e-mail.
   */
  async changeEmail(actor: Actor, dto: ChangeEmailDto): Promise<ChangeEmailResponse> {
    const newEmail = normaliseEmail(dto.newEmail);
    const user = await this.current.verify(actor, dto.currentPassword, 'email');
    if (newEmail === user.email) {
      throw new DomainError('VALIDATION', 'newEmail is the current address', [
        { field: 'newEmail', message: 'newEmail is the current address of this account' },
      ]);
    }
    const endedSessions = await this.db.transaction(async (em) => {
      await this.users.updateEmail(user.id, newEmail, em);
      await this.resets.spendAllOf(user.id, new Date(), em);
      const ended = await this.sessions.deleteAllOf(user.id, actor.sessionId, em);
      await this.audit.record(
        { action: 'user.email_changed', actorId: user.id, targetType: 'user', targetId: user.id,
          data: { before: user.email, after: newEmail, endedSessions: ended }, client: actor },
        em,
      );
      return ended;
    });
    // The budget of guesses belonged to the old address; the new one starts with its own.
    await this.current.passed(user.email);
    this.mailer.send({ to: user.email, ...composeEmailChangedMail(dto.language ?? 'de', user.name, newEmail) });
    return { user: toUser(await this.users.getById(user.id)), endedSessions };
  }

  /** "Sign out everywhere else": every session of the user but the one asking ends. */
  async endOtherSessions(actor: Actor): Promise<EndedSessionsResponse> {
    return { endedSessions: await this.writer.endOtherSessions(actor.userId, actor.sessionId, actor) };
  }
}
