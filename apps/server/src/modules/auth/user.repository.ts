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
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new DomainError('EMAIL_TAKEN', 'An account with this email exists already', [
          { field: 'email', message: 'email is taken' },
        ]);
      }
      throw error;
    }
  }
}
