import type { SectionAbilities } from '@kapitel/domain';
import type { ReadOnlyReason } from '../../editor';

export interface VersionActions {
  /** May store the text as it is now (`version.create`: who writes the section, whatever its state). */
  save: boolean;
  /** May replace the text by a version: only while the text may be edited now (`section.edit`, a writable editor). */
  restore: boolean;
  /** Why restoring is not offered to someone who may save: the section is in review or approved. */
  restoreBlockedBy: 'in_review' | 'approved' | null;
}

/**
 * What the caller may do with the versions, from the section's abilities as the server sent
 * them, and the reason the page gives for a read-only editor (readOnlyReason) to explain a
 * missing "restore" in words. The server decides again on every request.
 */
export function versionActions(
  abilities: Pick<SectionAbilities, 'section.edit' | 'version.create'>,
  reason: ReadOnlyReason | null,
): VersionActions {
  const save = abilities['version.create'];
  const restore = abilities['section.edit'];
  const blocked = !restore && save && (reason === 'in_review' || reason === 'approved') ? reason : null;
  return { save, restore, restoreBlockedBy: blocked };
}
