import type { Section } from '@kapitel/domain';

/** Where a section in the trash stood before it was deleted, as the trash names it. */
export type FormerPlace =
  | { kind: 'top' }
  /** Under a section that is still in the outline: named by number and title ("3 Ausgangslage"). */
  | { kind: 'under'; parent: string }
  /** Under a section that is no longer in the outline (deleted since): a restore puts it at the top level. */
  | { kind: 'gone' };

/** The former place of a trashed section whose parent was `parentId`, among the live sections. */
export function formerPlace(
  parentId: string | null,
  live: ReadonlyMap<string, Pick<Section, 'number' | 'title'>>,
): FormerPlace {
  if (parentId === null) {
    return { kind: 'top' };
  }
  const parent = live.get(parentId);
  if (parent === undefined) {
    return { kind: 'gone' };
  }
  return {
    kind: 'under',
    parent: parent.number === null ? parent.title : `${parent.number} ${parent.title}`,
  };
}
