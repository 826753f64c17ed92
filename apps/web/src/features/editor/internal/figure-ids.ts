import { figureId, figureKindOf, figuresNeedingIds } from '@kapitel/editor';
import { Extension } from '@tiptap/core';
import { Fragment, Slice, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { AttrStep, ReplaceAroundStep } from '@tiptap/pm/transform';
import type { EditorView } from '@tiptap/pm/view';
import { touchesNodes } from './touches-nodes';

const key = new PluginKey<boolean>('figureIds');

/**
 * Whether `tr` may have given a figure a caption or an id, or brought or copied one: a step
 * around an image or table, or an attribute's change anywhere (a caption is one). Typing in
 * a paragraph does not, and is not looked at.
 */
export function mayChangeFigures(tr: Transaction): boolean {
  return (
    tr.steps.some((step) => step instanceof AttrStep || step instanceof ReplaceAroundStep) ||
    touchesNodes(tr, 'image') ||
    touchesNodes(tr, 'table')
  );
}

/** A transaction giving each captioned figure without an id, or with one used before it, a fresh one; null when none needs one. */
export function assignFigureIds(state: EditorState, fresh: () => string): Transaction | null {
  const positions = figuresNeedingIds(state.doc);
  if (positions.length === 0) {
    return null;
  }
  const tr = state.tr;
  // Attribute steps keep every position: no mapping needed.
  positions.forEach((pos) => tr.setNodeAttribute(pos, 'figureId', fresh()));
  return tr.setMeta('addToHistory', false).setMeta(key, true);
}

/** The ids of the figures in `doc`. */
export function figureIdsIn(doc: ProseMirrorNode): Set<string> {
  const ids = new Set<string>();
  doc.descendants((node) => {
    const id = figureKindOf(node.type.name) === null ? '' : figureId(node.attrs.figureId);
    if (id !== '') {
      ids.add(id);
    }
    return !node.isTextblock;
  });
  return ids;
}

/** `fragment` with fresh ids for the figures whose id is taken; the same fragment when there is none. */
function freshened(fragment: Fragment, taken: Set<string>, fresh: () => string): Fragment {
  let changed = false;
  const nodes: ProseMirrorNode[] = [];
  fragment.forEach((node) => {
    const content = node.isTextblock ? node.content : freshened(node.content, taken, fresh);
    const id = figureKindOf(node.type.name) === null ? '' : figureId(node.attrs.figureId);
    if (id !== '' && taken.has(id)) {
      changed = true;
      nodes.push(node.type.create({ ...node.attrs, figureId: fresh() }, content, node.marks));
    } else if (content !== node.content) {
      changed = true;
      nodes.push(node.copy(content));
    } else {
      nodes.push(node);
    }
  });
  return changed ? Fragment.from(nodes) : fragment;
}

/**
 * A pasted slice whose figures with an id already in the document (a copy) get fresh ids;
 * those whose id is not there any more (cut and pasted: moved) keep it, so that the
 * references to them follow.
 */
export function withFreshFigureIds(slice: Slice, doc: ProseMirrorNode, fresh: () => string): Slice {
  const taken = figureIdsIn(doc);
  if (taken.size === 0) {
    return slice;
  }
  const content = freshened(slice.content, taken, fresh);
  return content === slice.content ? slice : new Slice(content, slice.openStart, slice.openEnd);
}

/**
 * Gives the captioned images and tables of the live text ids (libs/editor figure-id.ts), so
 * that cross-references can name them: those without one, and copies that repeat one. Only
 * while the text is editable, which the page allows only after the stored text arrived (an
 * id written into the empty document before would be a change of its own) and for those who
 * may write (a reader's change would be refused). Looked at only when a transaction may have
 * changed a figure, and written after the dispatch, as a change of its own that is not undone.
 * Two editors giving the same figure an id at once converge on one (Yjs: one attribute, the
 * last writer wins), before anyone could have referred to either.
 */
export const FigureIds = Extension.create({
  name: 'figureIds',

  addProseMirrorPlugins() {
    const fresh = (): string => crypto.randomUUID();
    return [
      new Plugin<boolean>({
        key,
        state: {
          // Whether the document should be looked at: at first, and after a change that may have touched a figure.
          init: () => true,
          apply: (tr, dirty) => (tr.getMeta(key) === true ? false : dirty || (tr.docChanged && mayChangeFigures(tr))),
        },
        props: {
          transformPasted: (slice, view) =>
            // Dragged within the text and moved: the figure stays what it is.
            view.dragging?.move === true ? slice : withFreshFigureIds(slice, view.state.doc, fresh),
        },
        view: () => {
          let queued = false;
          const look = (view: EditorView): void => {
            queued = false;
            if (view.isDestroyed || !view.editable || key.getState(view.state) !== true) {
              return;
            }
            const tr = assignFigureIds(view.state, fresh);
            view.dispatch(tr ?? view.state.tr.setMeta(key, true).setMeta('addToHistory', false));
          };
          return {
            // Also called when the text turns editable (setEditable), with nothing dispatched.
            update: (view) => {
              if (!queued && view.editable && key.getState(view.state) === true) {
                queued = true;
                // After the dispatch: ProseMirror's own change first, the Yjs document follows in it.
                queueMicrotask(() => {
                  look(view);
                });
              }
            },
          };
        },
      }),
    ];
  },
});
