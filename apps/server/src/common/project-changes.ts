import { CHANGE_TOPICS, type ChangeTopic, type ProjectChange } from '@kapitel/domain';
import type { EntityManager } from 'typeorm';

/** The PostgreSQL channel on which project changes are announced to every process. */
export const CHANGES_CHANNEL = 'kapitel_changes';

/**
 * Announces a change inside the transaction that makes it: PostgreSQL delivers NOTIFY only
 * when that transaction commits, to every listening process. Live connections are then
 * re-checked and event streams told, exactly when the change is real.
 */
export async function announceChange(em: EntityManager, change: ProjectChange): Promise<void> {
  await em.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify(change)]);
}

/** Parses a notification payload; null for anything that is not a ProjectChange. */
export function parseChange(payload: string | undefined): ProjectChange | null {
  try {
    const value = JSON.parse(payload ?? '') as Partial<ProjectChange>;
    if (typeof value.projectId !== 'string' || !(CHANGE_TOPICS as readonly unknown[]).includes(value.topic)) {
      return null;
    }
    return {
      projectId: value.projectId,
      topic: value.topic as ChangeTopic,
      ...(typeof value.sectionId === 'string' ? { sectionId: value.sectionId } : {}),
      ...(typeof value.userId === 'string' ? { userId: value.userId } : {}),
      ...(typeof value.exportId === 'string' ? { exportId: value.exportId } : {}),
      ...(typeof value.at === 'string' ? { at: value.at } : {}),
      ...(value.deleted === true ? { deleted: true as const } : {}),
      ...(value.restored === true ? { restored: true as const } : {}),
    };
  } catch {
    return null;
  }
}
