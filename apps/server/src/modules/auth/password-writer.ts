import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ClientInfo } from '../../common/http/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { PasswordResetRepository } from './password-reset.repository.js';
import { SessionRepository } from './session.repository.js';
import { UserRepository } from './user.repository.js';

export interface PasswordWrite {
  userId: string;
  passwordHash: string;
  /** The session that stays (the one changing its password); null ends every session. */
  keepSessionId: string | null;
  /** The audit action, e.g. `password.changed`. */
  action: string;
  client: ClientInfo;
  /** Runs first inside the transaction (a reset locks and checks its link there). */
  before?: (em: EntityManager) => Promise<void>;
}

/**
 * Sets a password and what must go with it, in one transaction: every open reset link is
 * spent, the user's other sessions end (announced, so their live connections close like at
 * a logout, once the transaction commits) and the audit row is written.
 */
@Injectable()
export class PasswordWriter {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly resets: PasswordResetRepository,
    private readonly audit: AuditService,
  ) {}

  /** Returns how many sessions ended. */
  write(change: PasswordWrite): Promise<number> {
    return this.db.transaction(async (em) => {
      await change.before?.(em);
      await this.users.update(change.userId, { passwordHash: change.passwordHash }, em);
      await this.resets.spendAllOf(change.userId, new Date(), em);
      const ended = await this.sessions.deleteAllOf(change.userId, change.keepSessionId, em);
      await this.audit.record(
        { action: change.action, actorId: change.userId, targetType: 'user', targetId: change.userId, data: { endedSessions: ended }, client: change.client },
        em,
      );
      return ended;
    });
  }

  /** Ends every session of the user but `keepSessionId`, with its audit row; returns how many. */
  endOtherSessions(userId: string, keepSessionId: string, client: ClientInfo): Promise<number> {
    return this.db.transaction(async (em) => {
      const ended = await this.sessions.deleteAllOf(userId, keepSessionId, em);
      await this.audit.record(
        { action: 'sessions.ended_others', actorId: userId, targetType: 'user', targetId: userId, data: { endedSessions: ended }, client },
        em,
      );
      return ended;
    });
  }
}
