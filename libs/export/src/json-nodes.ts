import type { ProseMirrorJson } from './model.js';

/** Reading stored ProseMirror JSON defensively: what is not of the expected shape counts as absent. */

/** The objects of a JSON array (a node's content or marks); [] for anything else. */
export function array(value: unknown): ProseMirrorJson[] {
  return Array.isArray(value) ? (value.filter((v) => typeof v === 'object' && v !== null) as ProseMirrorJson[]) : [];
}

/** One attribute of a node or mark; undefined when it has none. */
export function attr(node: ProseMirrorJson, name: string): unknown {
  return typeof node.attrs === 'object' && node.attrs !== null ? (node.attrs as Record<string, unknown>)[name] : undefined;
}

/** An integer attribute within [min, max]; the fallback for anything else. */
export function integer(value: unknown, fallback: number, min: number, max: number): number {
  return typeof value === 'number' && Number.isInteger(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

/**
 * Calls `visit` with every node of the documents `roots`, each before its content, in reading
 * order. Walks with a stack of its own: a hostile document's nesting cannot overflow the call stack.
 */
export function forEachNode(roots: readonly unknown[], visit: (node: ProseMirrorJson) => void): void {
  const stack: unknown[] = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) {
      continue;
    }
    visit(node);
    const children: unknown = (node as ProseMirrorJson).content;
    if (Array.isArray(children)) {
      for (let i = children.length - 1; i >= 0; i -= 1) {
        stack.push(children[i]);
      }
    }
  }
}
