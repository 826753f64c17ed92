import {
  LIMITS,
  moveProblem,
  type MoveSectionRequest,
  type OutlineLink,
  type OutlineNode,
  type ReviewState,
} from '@kapitel/domain';

/** One section of the tree with what the outline view needs to know about its place. */
export interface OutlineRow {
  node: OutlineNode;
  /** 1 for a chapter, 2 for its sub-sections, ... */
  depth: number;
  /** The section's parent and siblings (itself included), in order. */
  parent: OutlineNode | null;
  siblings: readonly OutlineNode[];
  index: number;
}

/** The tree in reading order (depth first), each section with its place. */
export function flattenOutline(nodes: readonly OutlineNode[]): OutlineRow[] {
  const rows: OutlineRow[] = [];
  const visit = (siblings: readonly OutlineNode[], parent: OutlineNode | null, depth: number): void => {
    siblings.forEach((node, index) => {
      rows.push({ node, depth, parent, siblings, index });
      visit(node.children, node, depth + 1);
    });
  };
  visit(nodes, null, 1);
  return rows;
}

/** How many sections lie below `node`, at any depth (they go to the trash with it). */
export function descendantCount(node: OutlineNode): number {
  return node.children.reduce((count, child) => count + 1 + descendantCount(child), 0);
}

/** The links of every section, for the tree rules of @kapitel/domain. */
export function outlineLinks(rows: readonly OutlineRow[]): OutlineLink[] {
  return rows.map(({ node }) => ({ id: node.id, parentId: node.parentId, position: node.position }));
}

export const MOVE_DIRECTIONS = ['up', 'down', 'indent', 'outdent'] as const;
export type MoveDirection = (typeof MOVE_DIRECTIONS)[number];

/**
 * Where `direction` takes the section of `row`, or null when that move is impossible:
 * up and down swap with a neighbour, indent makes it the last sub-section of the section
 * above it, outdent puts it right after its parent. The tree rules (no cycles, no deeper
 * than the outline allows) come from @kapitel/domain, the same ones the server enforces.
 */
export function moveTarget(
  row: OutlineRow,
  direction: MoveDirection,
  links: readonly OutlineLink[],
  maxDepth: number = LIMITS.outlineMaxDepth,
): MoveSectionRequest | null {
  const { node, parent, siblings, index } = row;
  let target: MoveSectionRequest | null = null;
  switch (direction) {
    case 'up':
      target = index > 0 ? { parentId: node.parentId, position: index - 1 } : null;
      break;
    case 'down':
      target = index < siblings.length - 1 ? { parentId: node.parentId, position: index + 1 } : null;
      break;
    case 'indent': {
      const above = index > 0 ? siblings[index - 1] : undefined;
      target = above === undefined ? null : { parentId: above.id, position: above.children.length };
      break;
    }
    case 'outdent':
      target = parent === null ? null : { parentId: parent.parentId, position: parent.position + 1 };
      break;
  }
  if (target === null || moveProblem(links, node.id, target.parentId, maxDepth) !== null) {
    return null;
  }
  return target;
}

/** Today in the user's own calendar, `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Not approved and due before `today` (both `YYYY-MM-DD`, which compare as strings). */
export function isOverdue(section: { state: ReviewState; dueDate: string | null }, today: string): boolean {
  return section.state !== 'approved' && section.dueDate !== null && section.dueDate < today;
}

/** The id of `id`'s row and of every row below it. */
export function subtreeRowIds(rows: readonly OutlineRow[], id: string): Set<string> {
  const found = new Set<string>([id]);
  for (const row of rows) {
    if (row.parent !== null && found.has(row.parent.id)) {
      found.add(row.node.id);
    }
  }
  return found;
}

/** `moveTarget` for every direction. */
export function moveTargets(
  row: OutlineRow,
  links: readonly OutlineLink[],
): Record<MoveDirection, MoveSectionRequest | null> {
  return {
    up: moveTarget(row, 'up', links),
    down: moveTarget(row, 'down', links),
    indent: moveTarget(row, 'indent', links),
    outdent: moveTarget(row, 'outdent', links),
  };
}
