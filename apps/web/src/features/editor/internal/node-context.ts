import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/*
 * Context for node views (what a cross-reference shows depends on the report's outline or
 * figures, which are not in the node): handed to every node of a type through a node
 * decoration's spec under `key`, so that ProseMirror redraws a view when its value changes.
 */

/** Decorates every node of `typeName` in `doc` with `value` in its spec under `key`. */
export function decorateNodes<T>(doc: ProseMirrorNode, typeName: string, key: string, value: T): DecorationSet {
  const found: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === typeName) {
      found.push(Decoration.node(pos, pos + node.nodeSize, {}, { [key]: value }));
    }
    return true;
  });
  return DecorationSet.create(doc, found);
}

/** The value a node view's decorations carry under `key`; null when none does. */
export function decoratedValue<T>(decorations: readonly Decoration[], key: string): T | null {
  for (const decoration of decorations) {
    const value = (decoration.spec as Record<string, T | undefined>)[key];
    if (value !== undefined) {
      return value;
    }
  }
  return null;
}
