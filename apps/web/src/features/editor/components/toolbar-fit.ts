/** A group of the toolbar as measured on the page. */
export interface MeasuredGroup {
  key: string;
  /** Its own width in px, without the divider before it. */
  width: number;
}

export interface ToolbarSpace {
  /** The width the row has for its groups and the "Mehr" button, in px. */
  available: number;
  /** What stands between two groups (gap and divider line), in px. */
  divider: number;
  /** The "Mehr" button with the space and divider before it, in px. */
  more: number;
}

/**
 * Which groups stay in the row (the others go into the "Mehr" menu): all when they fit;
 * else, with room kept for "Mehr", the groups in order of `priority` (most important first)
 * as long as they fit. It stops at the first that does not, rather than filling the gap with
 * a less important one: then what is in the row follows one order, however wide the window
 * (a narrower window only ever takes groups away), and no lesser tool stands where a more
 * important one was moved out.
 *
 * `groups` are in the row's order; a key missing from `priority` counts as least important.
 * Returns the keys of the groups that go into the menu, in the row's order.
 */
export function overflowingGroups(
  groups: readonly MeasuredGroup[],
  priority: readonly string[],
  space: ToolbarSpace,
): string[] {
  const row = (members: readonly MeasuredGroup[]): number =>
    members.reduce((sum, group, index) => sum + group.width + (index === 0 ? 0 : space.divider), 0);
  if (row(groups) <= space.available) {
    return [];
  }
  const rank = (key: string): number => {
    const index = priority.indexOf(key);
    return index === -1 ? priority.length : index;
  };
  const byPriority = groups
    .map((group, index) => ({ group, index }))
    .sort((a, b) => rank(a.group.key) - rank(b.group.key) || a.index - b.index);
  const budget = space.available - space.more;
  const kept = new Set<string>();
  let used = 0;
  for (const { group } of byPriority) {
    const next = used + (kept.size === 0 ? 0 : space.divider) + group.width;
    if (next > budget) {
      break;
    }
    kept.add(group.key);
    used = next;
  }
  return groups.filter((group) => !kept.has(group.key)).map((group) => group.key);
}
