import type { User } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { toUser } from './auth.dto.js';
import { UserRepository } from './user.repository.js';

/** Read access to accounts for other modules (the repository stays private). */
@Injectable()
export class UserService {
  constructor(private readonly users: UserRepository) {}

  async getById(id: string): Promise<User> {
    return toUser(await this.users.getById(id));
  }
}
