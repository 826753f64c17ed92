import { LIMITS, moveProblem, type MoveSectionRequest, type OutlineLink } from '@kapitel/domain';
import type { OutlineRow } from './outline-tree';

/** Where on a section a dragged one is dropped: just above it, into it (last), just after it. */
export type DropZone = 'before' | 'inside' | 'after';

/** The zone under the pointer: the top and bottom quarters are between sections, the rest nests. */
export function dropZoneAt(offsetY: number, height: number): DropZone {
  if (height <= 0) {
    return 'inside';
  }
  const ratio = offsetY / height;
  return ratio < 0.25 ? 'before' : ratio > 0.75 ? 'after' : 'inside';
}

/**
 * The move that dropping `draggedId` on `target`'s `zone` means, or null when there is none:
 * a drop that changes nothing, or one that the tree rules of @kapitel/domain forbid (into its
 * own sub-sections, deeper than the outline allows). Positions count the siblings without
 * the dragged section, as the server does (`placeAmongSiblings`).
 */
export function dropTarget(
  rows: readonly OutlineRow[],
  links: readonly OutlineLink[],
  draggedId: string,
  target: OutlineRow,
  zone: DropZone,
  maxDepth: number = LIMITS.outlineMaxDepth,
): MoveSectionRequest | null {
  const dragged = rows.find((row) => row.node.id === draggedId);
  if (dragged === undefined || target.node.id === draggedId) {
    return null;
  }
  let request: MoveSectionRequest;
  if (zone === 'inside') {
    const children = target.node.children.filter((child) => child.id !== draggedId);
    request = { parentId: target.node.id, position: children.length };
  } else {
    const others = target.siblings.filter((sibling) => sibling.id !== draggedId);
    const index = others.findIndex((sibling) => sibling.id === target.node.id);
    request = { parentId: target.node.parentId, position: zone === 'before' ? index : index + 1 };
  }
  if (request.parentId === dragged.node.parentId && request.position === dragged.index) {
    return null;
  }
  if (moveProblem(links, draggedId, request.parentId, maxDepth) !== null) {
    return null;
  }
  return request;
}
