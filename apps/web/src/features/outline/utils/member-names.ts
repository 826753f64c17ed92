import type { Member } from '@kapitel/domain';

/**
 * The names of the members with `ids`, in the given order; someone who has left the
 * project is shown as `unknown` rather than as a bare id.
 */
export function memberNames(ids: readonly string[], members: readonly Member[], unknown: string): string[] {
  const byId = new Map(members.map((member) => [member.userId, member.name]));
  return ids.map((id) => byId.get(id) ?? unknown);
}
