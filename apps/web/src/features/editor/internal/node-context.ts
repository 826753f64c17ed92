import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { touchesNodes } from './touches-nodes';

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

/**
 * A plugin that hands one context value to every node of `typeName` (through decorations, as
 * above): `set` gives a new value (every such node redraws), `viewOf` reads it in a node view.
 * The nodes are looked for again only when a step adds or removes one.
 */
export function nodeContextPlugin<T>(typeName: string, fallback: T) {
  const key = new PluginKey<{ value: T; decorations: DecorationSet }>(`${typeName}Context`);
  const specKey = `${typeName}Context`;
  const plugin = new Plugin<{ value: T; decorations: DecorationSet }>({
    key,
    state: {
      init: (_, state) => ({ value: fallback, decorations: decorateNodes(state.doc, typeName, specKey, fallback) }),
      apply: (tr, previous) => {
        const given = tr.getMeta(key) as { value: T } | undefined;
        if (given !== undefined) {
          return { value: given.value, decorations: decorateNodes(tr.doc, typeName, specKey, given.value) };
        }
        if (!tr.docChanged) {
          return previous;
        }
        const decorations = touchesNodes(tr, typeName)
          ? decorateNodes(tr.doc, typeName, specKey, previous.value)
          : previous.decorations.map(tr.mapping, tr.doc);
        return { value: previous.value, decorations };
      },
    },
    props: {
      decorations: (state) => key.getState(state)?.decorations,
    },
  });
  return {
    plugin,
    /** The value of the moment. */
    get: (state: EditorState): T => key.getState(state)?.value ?? fallback,
    /** Gives the nodes a new value. */
    set: (editor: Editor, value: T): void => {
      if (!editor.isDestroyed) {
        editor.view.dispatch(editor.state.tr.setMeta(key, { value }).setMeta('addToHistory', false));
      }
    },
    viewOf: (decorations: readonly Decoration[]): T | null => decoratedValue<T>(decorations, specKey),
  };
}
