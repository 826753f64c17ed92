import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, MoreThan, type EntityManager, type Repository } from 'typeorm';
import { SESSION_ENDS_CHANNEL } from '../../common/session-ends.js';
import { SessionEntity } from './session.entity.js';

@Injectable()
export class SessionRepository {
  constructor(@InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>) {}

  async insert(session: Pick<SessionEntity, 'tokenHash' | 'userId' | 'expiresAt'>): Promise<string> {
    const result = await this.sessions.insert(session);
    return (result.identifiers[0] as { id: string }).id;
  }

  findLiveByTokenHash(tokenHash: string, now: Date): Promise<SessionEntity | null> {
    return this.sessions.findOneBy({ tokenHash, expiresAt: MoreThan(now) });
  }

  /**
   * Deletes a session and, in the same statement, announces its end to every process
   * (PostgreSQL NOTIFY, delivered on commit), which closes its open live connections.
   */
  async delete(id: string): Promise<void> {
    await this.sessions.query(
      `WITH gone AS (DELETE FROM sessions WHERE id = $1 RETURNING id)
       SELECT pg_notify($2, id::text) FROM gone`,
      [id, SESSION_ENDS_CHANNEL],
    );
  }

  /**
   * Deletes every session of a user but `keep` (null: all of them), each end announced like a
   * logout's (delivered when `em`'s transaction commits). Returns how many ended.
   */
  async deleteAllOf(userId: string, keep: string | null, em?: EntityManager): Promise<number> {
    const rows: unknown[] = await (em ?? this.sessions.manager).query(
      `WITH gone AS (DELETE FROM sessions WHERE user_id = $1 AND id IS DISTINCT FROM $2::uuid RETURNING id)
       SELECT pg_notify($3, id::text) FROM gone`,
      [userId, keep, SESSION_ENDS_CHANNEL],
    );
    return rows.length;
  }

  /** Drops a user's expired sessions, so that the table does not grow with every login. */
  async deleteExpiredOf(userId: string, now: Date): Promise<void> {
    await this.sessions.delete({ userId, expiresAt: LessThan(now) });
  }
}
