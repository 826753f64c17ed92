import { isMySection, type OutlineNode } from '@kapitel/domain';

/** The outline cut down to one person's sections (the filter "Nur meine Abschnitte"). */
export interface MyOutline {
  /** The person's sections with the sections above them, in the outline's order. */
  nodes: OutlineNode[];
  /** Sections kept only as the way to one of the person's: shown greyed, as context. */
  context: ReadonlySet<string>;
  /** How many of the person's own sections the tree holds. */
  mine: number;
}

/**
 * Keeps every section that is `userId`'s (`isMySection`, the rule of "Meine Abschnitte" on
 * the project list) and the sections above it, so that a sub-section still shows under
 * which chapter it stands; numbers stay those of the whole report.
 */
export function myOutline(nodes: readonly OutlineNode[], userId: string): MyOutline {
  const context = new Set<string>();
  let mine = 0;
  const keep = (siblings: readonly OutlineNode[]): OutlineNode[] =>
    siblings.flatMap((node) => {
      const children = keep(node.children);
      const own = isMySection(node, userId);
      if (own) {
        mine += 1;
      } else if (children.length === 0) {
        return [];
      } else {
        context.add(node.id);
      }
      return [{ ...node, children }];
    });
  return { nodes: keep(nodes), context, mine };
}
