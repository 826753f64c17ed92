/** What a comparison shows in a row: one block, or a button standing for unchanged ones. */
export type ViewItem = { kind: 'block'; index: number } | { kind: 'collapsed'; start: number; count: number };

/**
 * Which blocks a comparison shows: every changed one with `context` unchanged blocks on
 * either side; longer stretches of unchanged blocks fold into one item (by the index of
 * their first block) until they are in `expanded`. A fold would stand for at least
 * `minimum` blocks, else the blocks are shown as they are (a button for one paragraph
 * is no shorter than the paragraph).
 */
export function viewItems(
  changed: readonly boolean[],
  expanded: ReadonlySet<number>,
  context = 1,
  minimum = 2,
): ViewItem[] {
  const near = changed.map((_, index) => {
    for (let offset = -context; offset <= context; offset++) {
      if (changed[index + offset] === true) {
        return true;
      }
    }
    return false;
  });
  const items: ViewItem[] = [];
  let index = 0;
  while (index < changed.length) {
    if (near[index] === true) {
      items.push({ kind: 'block', index });
      index += 1;
      continue;
    }
    const start = index;
    while (index < changed.length && near[index] !== true) {
      index += 1;
    }
    const count = index - start;
    if (count >= minimum && !expanded.has(start)) {
      items.push({ kind: 'collapsed', start, count });
    } else {
      for (let shown = start; shown < index; shown++) {
        items.push({ kind: 'block', index: shown });
      }
    }
  }
  return items;
}
