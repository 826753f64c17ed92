import { DomainError } from '@kapitel/domain';
import type { EntityManager } from 'typeorm';

/**
 * What the repositories of a project's lists (abbreviations, sources) share: the locks an
 * addition takes and the limit it is checked against.
 */

/**
 * Holds the project row against its deletion until the transaction ends (the key-share lock
 * a foreign-key check would take, taken first): a deletion in progress is waited for, after
 * which the project is gone (NOT_FOUND) instead of the insert failing on its foreign key.
 */
export async function holdProject(projectId: string, em: EntityManager): Promise<void> {
  const rows = await em.query<unknown[]>('SELECT id FROM projects WHERE id = $1 FOR KEY SHARE', [projectId]);
  if (rows.length === 0) {
    throw new DomainError('NOT_FOUND', 'No such project');
  }
}

/**
 * Serialises the additions to one project's list (named by its table) until the transaction
 * ends, so that the count checked against the limit stays true until the insert. A
 * transaction-scoped advisory lock: it blocks nothing else of the project (outline changes
 * lock its row).
 */
export async function lockAdditions(table: string, projectId: string, em: EntityManager): Promise<void> {
  await em.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [table, projectId]);
}

/** How many rows of the project the list's table holds. */
export async function countOf(table: 'project_abbreviations' | 'project_sources', projectId: string, em: EntityManager): Promise<number> {
  const rows = await em.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM ${table} WHERE project_id = $1`, [projectId]);
  return rows[0]?.n ?? 0;
}

/**
 * Refuses an addition to a full list: a VALIDATION like the outline's limit
 * (outlineMaxSections), naming the list ('abbreviations'); the request is fine, the list is full.
 */
export function assertRoom(list: 'abbreviations' | 'sources', count: number, max: number): void {
  if (count >= max) {
    const message = `A list of ${list} holds at most ${max} entries`;
    throw new DomainError('VALIDATION', message, [{ field: list, message }]);
  }
}

/** The row a statement with RETURNING gave; none is a bug, not a request's fault. */
export function mustHave<T>(row: T | undefined, statement: string): T {
  if (!row) {
    throw new Error(`${statement} returned no row`);
  }
  return row;
}
