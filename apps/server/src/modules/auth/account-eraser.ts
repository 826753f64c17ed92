import { DomainError } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SessionRepository } from './session.repository.js';
import { UserRepository } from './user.repository.js';

/** The account as its deletion needs it: the address its invitations and audit entries name. */
export interface AccountToErase {
  id: string;
  email: string;
}

/**
 * The accounts' own part of deleting an account (the deletion module does the projects'):
 * locks the row, then ends every session and deletes the row, in the caller's transaction.
 */
@Injectable()
export class AccountEraser {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
  ) {}

  /** Locks the account until the transaction ends, so that two deletions cannot overlap. */
  async lock(userId: string, em: EntityManager): Promise<AccountToErase> {
    const user = await this.users.lock(userId, em);
    if (!user) {
      throw new DomainError('NOT_FOUND', 'No such user');
    }
    return { id: user.id, email: user.email };
  }

  /**
   * Ends every session, each end announced as a logout's (open WebSockets close with 4401, event
   * streams get `signed-out`, in every process, once the transaction commits; a plain cascade
   * would end them silently), then deletes the row: password resets and the person's own
   * notifications go with it (ON DELETE CASCADE), every other reference keeps its place without
   * the person (ON DELETE SET NULL, migration 1765071000000).
   */
  async erase(userId: string, em: EntityManager): Promise<number> {
    const ended = await this.sessions.deleteAllOf(userId, null, em);
    await this.users.delete(userId, em);
    return ended;
  }
}
