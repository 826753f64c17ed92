import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, type EntityManager, type Repository } from 'typeorm';
import { PasswordResetEntity } from './password-reset.entity.js';

@Injectable()
export class PasswordResetRepository {
  constructor(@InjectRepository(PasswordResetEntity) private readonly resets: Repository<PasswordResetEntity>) {}

  /** Stores a new link of a user; their expired ones go, so the table does not grow with every request. */
  async insert(reset: Pick<PasswordResetEntity, 'userId' | 'tokenHash' | 'expiresAt'>, now: Date): Promise<void> {
    await this.resets.delete({ userId: reset.userId, expiresAt: LessThan(now) });
    await this.resets.insert(reset);
  }

  /**
   * The link with this token hash, or null. Inside a transaction (`em`) the row stays locked
   * until it ends, so that two requests with the same link cannot both use it.
   */
  findByTokenHash(tokenHash: string, em?: EntityManager): Promise<PasswordResetEntity | null> {
    if (em) {
      return em.getRepository(PasswordResetEntity).findOne({ where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
    }
    return this.resets.findOneBy({ tokenHash });
  }

  /** Marks every open link of a user as spent: after any change of the password none may set it again. */
  async spendAllOf(userId: string, now: Date, em?: EntityManager): Promise<void> {
    await (em?.getRepository(PasswordResetEntity) ?? this.resets).update({ userId, usedAt: IsNull() }, { usedAt: now });
  }
}
