import type { NoObjection, ReviewState, ReviewStep, Transition } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The "no objections" of the current review round of the section `s`, as a JSON array,
 * oldest first; for the section queries of `SectionRepository`. A round starts with the
 * latest submit, and only a section still in review has one: requesting changes or
 * approving ends it, so its verdicts stay in the history but no longer stand. The CASE
 * spares the subquery for every section that is not in review.
 */
export const NO_OBJECTIONS_COLUMN = `
  CASE WHEN s.state = 'in_review' THEN COALESCE((
    SELECT json_agg(json_build_object('actorId', t.actor_id, 'actorName', u.name, 'note', t.note, 'at', t.created_at)
                    ORDER BY t.id)
      FROM section_transitions t LEFT JOIN users u ON u.id = t.actor_id
     WHERE t.section_id = s.id AND t.action = 'no_objections'
       AND t.id > (SELECT max(r.id) FROM section_transitions r WHERE r.section_id = s.id AND r.action = 'submit')
  ), '[]') ELSE '[]' END AS no_objections`;

/** The column above as the API has it (times in ISO 8601 UTC, like every other time). */
export function toNoObjections(raw: ReadonlyArray<Omit<NoObjection, 'at'> & { at: string }>): NoObjection[] {
  return raw.map((verdict) => ({ ...verdict, at: new Date(verdict.at).toISOString() }));
}

/** The review history of sections (`section_transitions`). */
@Injectable()
export class TransitionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(
    step: { sectionId: string; action: ReviewStep; from: ReviewState; to: ReviewState; actorId: string; note: string | null },
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
      Array<{ id: string; action: ReviewStep; from_state: ReviewState; to_state: ReviewState; actor_id: string | null;
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
