/** The four roles a member can hold in a project, from most to least powerful. */
export const ROLES = ['lead', 'author', 'reviewer', 'reader'] as const;
export type Role = (typeof ROLES)[number];

/** True when `value` names one of the project roles. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The roles that may write a section as one of its assignees. */
export const MAY_BE_ASSIGNED: readonly Role[] = ['author', 'lead'];
/** The roles that may be a section's reviewer. */
export const MAY_REVIEW: readonly Role[] = ['reviewer', 'lead'];

/** A section's assignment as the outline holds it. */
export interface Assignable {
  id: string;
  assigneeIds: readonly string[];
  reviewerId: string | null;
}

/**
 * The assignments `userId` loses when their role becomes `role` (null: they leave the project),
 * in the order of `sections`: what the server drops when a role changes (docs/outline.md,
 * "Assignment"), for the lead to see before it happens.
 */
export function assignmentsLost<S extends Assignable>(
  sections: readonly S[],
  userId: string,
  role: Role | null,
): Array<{ section: S; as: 'assignee' | 'reviewer' }> {
  const keeps = (allowed: readonly Role[]): boolean => role !== null && allowed.includes(role);
  return sections.flatMap((section) => [
    ...(section.assigneeIds.includes(userId) && !keeps(MAY_BE_ASSIGNED)
      ? [{ section, as: 'assignee' as const }]
      : []),
    ...(section.reviewerId === userId && !keeps(MAY_REVIEW) ? [{ section, as: 'reviewer' as const }] : []),
  ]);
}
