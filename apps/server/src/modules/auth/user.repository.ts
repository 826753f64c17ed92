import { DomainError } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, type EntityManager, type Repository } from 'typeorm';
import { UserEntity } from './user.entity.js';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class UserRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  async getById(id: string): Promise<UserEntity> {
    const user = await this.findById(id);
    if (!user) {
      throw new DomainError('NOT_FOUND', 'No such user');
    }
    return user;
  }

  /** `email` must already be normalised. */
  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email });
  }

  /** Changes the given fields of a user (name, organisation, password hash), inside `em`'s transaction when given. */
  async update(id: string, fields: Partial<Pick<UserEntity, 'name' | 'organisation' | 'passwordHash'>>, em?: EntityManager): Promise<void> {
    await (em?.getRepository(UserEntity) ?? this.users).update({ id }, fields);
  }

  /** Inserts a user; an email that is taken (also by a concurrent request) is EMAIL_TAKEN. */
  async insert(user: Pick<UserEntity, 'email' | 'passwordHash' | 'name' | 'organisation'>): Promise<UserEntity> {
    try {
      const result = await this.users.insert(user);
      const id = (result.identifiers[0] as { id: string }).id;
      return await this.getById(id);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw emailTaken('email');
      }
      throw error;
    }
  }

  /**
   * Gives a user a new (normalised) address inside `em`'s transaction; one that is taken, also
   * by a concurrent registration or change, is EMAIL_TAKEN at `newEmail`.
   */
  async updateEmail(id: string, email: string, em: EntityManager): Promise<void> {
    try {
      // The error aborts the caller's transaction, which is what the caller wants: nothing else changes.
      await em.getRepository(UserEntity).update({ id }, { email });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw emailTaken('newEmail');
      }
      throw error;
    }
  }

  /** Locks the user's row until the transaction ends (one deletion at a time); null when gone. */
  async lock(id: string, em: EntityManager): Promise<UserEntity | null> {
    return em.getRepository(UserEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Deletes the row; what references it goes or keeps its place without it (see the migrations). */
  async delete(id: string, em: EntityManager): Promise<void> {
    await em.getRepository(UserEntity).delete({ id });
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION;
}

/** The users table has one unique constraint (the address): its violation is EMAIL_TAKEN at `field`. */
function emailTaken(field: string): DomainError {
  return new DomainError('EMAIL_TAKEN', 'An account with this email exists already', [{ field, message: `${field} is taken` }]);
}
