import type { EntityManager } from 'typeorm';

/** The PostgreSQL channel on which changes of access are announced to every process. */
export const ACCESS_CHANNEL = 'kapitel_access';

/**
 * Something changed who may read or write: a member's role (`userId`), a section's state,
 * assignees or existence (`sectionId`), or the project's outline as a whole.
 */
export interface AccessChange {
  projectId: string;
  sectionId?: string;
  userId?: string;
}

/**
 * Announces a change inside the transaction that makes it: PostgreSQL delivers NOTIFY only
 * when that transaction commits, to every listening process, so open connections are
 * re-checked exactly when the change is real.
 */
export async function announceAccessChange(em: EntityManager, change: AccessChange): Promise<void> {
  await em.query('SELECT pg_notify($1, $2)', [ACCESS_CHANNEL, JSON.stringify(change)]);
}

/** Parses a notification payload; null for anything that is not an AccessChange. */
export function parseAccessChange(payload: string | undefined): AccessChange | null {
  try {
    const value = JSON.parse(payload ?? '') as Partial<AccessChange>;
    if (typeof value.projectId !== 'string') {
      return null;
    }
    return {
      projectId: value.projectId,
      ...(typeof value.sectionId === 'string' ? { sectionId: value.sectionId } : {}),
      ...(typeof value.userId === 'string' ? { userId: value.userId } : {}),
    };
  } catch {
    return null;
  }
}
