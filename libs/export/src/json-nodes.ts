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
