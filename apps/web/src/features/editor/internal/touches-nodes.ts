import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';

/**
 * Whether a step of `tr` added or removed a node of type `name` or text around one (typing
 * elsewhere does not). Plugins that count or label such nodes look again only then: every
 * keystroke passes here, and looking walks the whole section.
 */
export function touchesNodes(tr: Transaction, name: string): boolean {
  return tr.steps.some((step, index) => {
    // tr.docs holds the document before each step; the last one's result is tr.doc.
    const before = tr.docs[index] ?? tr.doc;
    const after = tr.docs[index + 1] ?? tr.doc;
    let touched = false;
    step.getMap().forEach((oldStart, oldEnd, newStart, newEnd) => {
      const has = (doc: ProseMirrorNode, from: number, to: number): boolean => {
        let found = false;
        doc.nodesBetween(from, to, (node) => {
          found ||= node.type.name === name;
          return !found;
        });
        return found;
      };
      touched ||= has(before, oldStart, oldEnd) || has(after, newStart, newEnd);
    });
    return touched;
  });
}
