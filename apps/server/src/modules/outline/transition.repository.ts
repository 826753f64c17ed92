import type { ReviewAction, ReviewState, Transition } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** The review history of sections (`section_transitions`). */
@Injectable()
export class TransitionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(
    step: { sectionId: string; action: ReviewAction; from: ReviewState; to: ReviewState; actorId: string; note: string | null },
    em: EntityManager,
  ): Promise<void> {
    await em.query(
      `INSERT INTO section_transitions (section_id, action, from_state, to_state, actor_id, note)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [step.sectionId, step.action, step.from, step.to, step.actorId, step.note],
    );
  }

  /** The history of one section, oldest first. */
  async list(sectionId: string): Promise<Transition[]> {
    const rows = await this.db.query<
      Array<{ id: string; action: ReviewAction; from_state: ReviewState; to_state: ReviewState; actor_id: string | null;
        actor_name: string | null; note: string | null; created_at: Date }>
    >(
      `SELECT t.id::text, t.action, t.from_state, t.to_state, t.actor_id, u.name AS actor_name, t.note, t.created_at
         FROM section_transitions t LEFT JOIN users u ON u.id = t.actor_id
        WHERE t.section_id = $1 ORDER BY t.id`,
      [sectionId],
    );
    return rows.map((row) => ({
      id: row.id,
      from: row.from_state,
      to: row.to_state,
      action: row.action,
      actorId: row.actor_id,
      actorName: row.actor_name,
      note: row.note,
      at: row.created_at.toISOString(),
    }));
  }
}
