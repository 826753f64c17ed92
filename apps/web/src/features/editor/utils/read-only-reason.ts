import type { Role, Section } from '@kapitel/domain';

/** Why a section's text cannot be changed by the caller, for the read-only notice. */
export type ReadOnlyReason = 'role' | 'notAssigned' | 'in_review' | 'approved' | 'other';

/**
 * Explains a `section.edit` ability the server denied. The decision itself is the server's
 * (`abilities`); this only picks the words, from facts the page already has: the caller's
 * role first (it does not change with the state), then the assignment, then the state.
 * Null when editing is allowed.
 */
export function readOnlyReason(
  canEdit: boolean,
  section: Pick<Section, 'state' | 'assigneeIds'>,
  role: Role | undefined,
  userId: string | undefined,
): ReadOnlyReason | null {
  if (canEdit) {
    return null;
  }
  if (role === 'reviewer' || role === 'reader') {
    return 'role';
  }
  if (role === 'author' && (userId === undefined || !section.assigneeIds.includes(userId))) {
    return 'notAssigned';
  }
  if (section.state === 'in_review' || section.state === 'approved') {
    return section.state;
  }
  return 'other';
}
