/**
 * Pure rules of the outline tree, shared by the server (which enforces them under a lock)
 * and the web app (which uses them to offer only valid drops).
 */

/** What the tree rules need to know of a section. */
export interface OutlineLink {
  id: string;
  parentId: string | null;
  position: number;
}

/** The children of every parent, each list ordered by position. Top level under `null`. */
export function childrenByParent<T extends OutlineLink>(sections: readonly T[]): Map<string | null, T[]> {
  const children = new Map<string | null, T[]>();
  for (const section of sections) {
    const list = children.get(section.parentId) ?? [];
    list.push(section);
    children.set(section.parentId, list);
  }
  for (const list of children.values()) {
    list.sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  }
  return children;
}

/** `id` and every section below it. */
export function subtreeIds(sections: readonly OutlineLink[], id: string): Set<string> {
  const children = childrenByParent(sections);
  const found = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    if (!found.has(current)) {
      found.add(current);
      stack.push(...(children.get(current) ?? []).map((child) => child.id));
    }
  }
  return found;
}

/** 1 for a top-level section, 2 for its children, and so on; Infinity inside a cycle. */
export function depthOf(sections: readonly OutlineLink[], id: string): number {
  const parents = new Map(sections.map((section) => [section.id, section.parentId]));
  let depth = 0;
  let current: string | null | undefined = id;
  const seen = new Set<string>();
  while (current !== null && current !== undefined) {
    if (seen.has(current)) {
      return Infinity;
    }
    seen.add(current);
    depth += 1;
    current = parents.get(current);
  }
  return depth;
}

/** How many levels the subtree of `id` spans (1 for a section without children). */
export function subtreeHeight(sections: readonly OutlineLink[], id: string): number {
  const children = childrenByParent(sections);
  const height = (current: string): number =>
    1 + Math.max(0, ...(children.get(current) ?? []).map((child) => height(child.id)));
  return height(id);
}

/**
 * Why `id` cannot go under `parentId`, or null when it can: a section cannot become its
 * own descendant, and the outline may not grow deeper than `maxDepth`.
 */
export function moveProblem(
  sections: readonly OutlineLink[],
  id: string,
  parentId: string | null,
  maxDepth: number,
): 'cycle' | 'too_deep' | null {
  if (parentId !== null && subtreeIds(sections, id).has(parentId)) {
    return 'cycle';
  }
  const parentDepth = parentId === null ? 0 : depthOf(sections, parentId);
  return parentDepth + subtreeHeight(sections, id) > maxDepth ? 'too_deep' : null;
}

/**
 * The ids of `siblings` (ordered) with `id` inserted at `position`, clamped into range.
 * `id` is first taken out if it is already among them (a reorder).
 */
export function placeAmongSiblings(siblings: readonly string[], id: string, position: number): string[] {
  const others = siblings.filter((sibling) => sibling !== id);
  const at = Math.max(0, Math.min(position, others.length));
  return [...others.slice(0, at), id, ...others.slice(at)];
}

/** Problems with the tree: parents that do not exist, cycles, positions that are not 0..n-1. */
export function outlineProblems(sections: readonly OutlineLink[]): string[] {
  const ids = new Set(sections.map((section) => section.id));
  const problems: string[] = [];
  for (const section of sections) {
    if (section.parentId !== null && !ids.has(section.parentId)) {
      problems.push(`${section.id} has a missing parent ${section.parentId}`);
    }
    if (depthOf(sections, section.id) === Infinity) {
      problems.push(`${section.id} is in a cycle`);
    }
  }
  for (const [parentId, children] of childrenByParent(sections)) {
    const positions = children.map((child) => child.position);
    if (positions.some((position, index) => position !== index)) {
      problems.push(`children of ${parentId ?? 'the top level'} have positions ${positions.join(',')}`);
    }
  }
  return problems;
}

/**
 * Where a new numbered chapter goes among the top-level sections: right after the last numbered
 * one, so before an annex or a bibliography that closes the report unnumbered (a chapter added
 * after "Anhang" would have to be moved back every time); at the end when none is numbered.
 */
export function newChapterPosition(topLevel: readonly { numbered: boolean }[]): number {
  for (let index = topLevel.length - 1; index >= 0; index -= 1) {
    if (topLevel[index]?.numbered === true) {
      return index + 1;
    }
  }
  return topLevel.length;
}
