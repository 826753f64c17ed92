/** A button of the toolbar as measured on the page. */
export interface MeasuredItem {
  key: string;
  /** Its width in px. */
  width: number;
}

/** A group of the toolbar, its buttons in the row's order. */
export interface MeasuredGroup {
  key: string;
  /** What stands before its first button while any is shown (the table tools' name and the gap after it), in px. */
  lead: number;
  items: readonly MeasuredItem[];
}

export interface ToolbarSpace {
  /** The width the row has for its groups and the "Mehr" button, in px. */
  available: number;
  /** What stands between two groups (gap and divider line), in px. */
  divider: number;
  /** What stands between two buttons of a group, in px. */
  gap: number;
  /** The "Mehr" button with the space before it, in px. */
  more: number;
}

/** The row's width holding the items in `kept`: an empty group takes no room and no divider. */
function rowWidth(groups: readonly MeasuredGroup[], kept: ReadonlySet<string>, space: ToolbarSpace): number {
  let width = 0;
  let shownGroups = 0;
  for (const group of groups) {
    const shown = group.items.filter((item) => kept.has(item.key));
    if (shown.length === 0) {
      continue;
    }
    width +=
      (shownGroups === 0 ? 0 : space.divider) +
      group.lead +
      shown.reduce((sum, item) => sum + item.width, 0) +
      (shown.length - 1) * space.gap;
    shownGroups += 1;
  }
  return width;
}

/**
 * Which buttons stay in the row (the others go into the "Mehr" menu): all when they fit;
 * else, with room kept for "Mehr", the buttons in order of `priority` (most important first)
 * as long as they fit, each in its place in the row. It stops at the first that does not,
 * rather than filling the gap with a less important one: what is in the row is then always a
 * first part of one order, however wide the window, so a narrower window only ever takes
 * buttons away, and no lesser tool stands where a more important one was moved out.
 *
 * `groups` are in the row's order; a key missing from `priority` counts as less important
 * than all in it (in the row's order). Returns the keys of the buttons that go into the
 * menu, in the row's order.
 */
export function overflowingItems(
  groups: readonly MeasuredGroup[],
  priority: readonly string[],
  space: ToolbarSpace,
): string[] {
  const all = groups.flatMap((group) => group.items.map((item) => item.key));
  if (rowWidth(groups, new Set(all), space) <= space.available) {
    return [];
  }
  const rank = (key: string): number => {
    const index = priority.indexOf(key);
    return index === -1 ? priority.length : index;
  };
  const byPriority = all
    .map((key, index) => ({ key, index }))
    .sort((a, b) => rank(a.key) - rank(b.key) || a.index - b.index);
  const budget = space.available - space.more;
  const kept = new Set<string>();
  for (const { key } of byPriority) {
    kept.add(key);
    if (rowWidth(groups, kept, space) > budget) {
      kept.delete(key);
      break;
    }
  }
  return all.filter((key) => !kept.has(key));
}
