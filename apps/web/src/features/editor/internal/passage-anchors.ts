import type { CommentAnchor } from '@kapitel/domain';
import { createAnchor, resolveAnchor } from '@kapitel/editor';
import type { EditorState } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, ProsemirrorBinding, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { PassagePlace, SelectedPassage } from '../../comments';

/**
 * Between ProseMirror positions and comment anchors (Yjs relative positions in one
 * `Y.XmlText` of the section's fragment, see docs/comments.md "Anchors"). The binding of
 * y-tiptap knows which ProseMirror node each Yjs element is drawn as; through it a range of
 * the text maps to a range of one XmlText and back.
 */

type Mapping = ProsemirrorBinding['mapping'];

/** The binding of the editor's Yjs sync plugin, once the view has been set up. */
export function bindingOf(state: EditorState): ProsemirrorBinding | null {
  const sync: unknown = ySyncPluginKey.getState(state);
  if (typeof sync !== 'object' || sync === null || !('binding' in sync)) {
    return null;
  }
  const { binding } = sync;
  return binding instanceof ProsemirrorBinding ? binding : null;
}

interface TextPoint {
  text: Y.XmlText;
  index: number;
}

/** The character offset in an XmlText that ProseMirror position `pos` stands for, if it lies in text. */
function textPointAt(pos: number, doc: Y.Doc, fragment: Y.XmlFragment, mapping: Mapping): TextPoint | null {
  try {
    const relative = absolutePositionToRelativePosition(pos, fragment, mapping) as Y.RelativePosition;
    const absolute = Y.createAbsolutePositionFromRelativePosition(relative, doc);
    return absolute !== null && absolute.type instanceof Y.XmlText
      ? { text: absolute.type, index: absolute.index }
      : null;
  } catch {
    // y-tiptap throws on positions it cannot place (a document it has not drawn yet).
    return null;
  }
}

function nodeSizeOf(mapped: unknown): number | null {
  if (typeof mapped !== 'object' || mapped === null || Array.isArray(mapped) || !('nodeSize' in mapped)) {
    return null;
  }
  const { nodeSize } = mapped;
  return typeof nodeSize === 'number' ? nodeSize : null;
}

/**
 * The ProseMirror position where `text` begins: the sizes of everything before it, level by
 * level up to the fragment. (y-tiptap's `relativePositionToAbsolutePosition` does the same
 * but gives up on positions at the very start of the document, a guard of its own for
 * dragged blocks.) Null when a part is not drawn (yet) or was deleted.
 */
function textStart(text: Y.XmlText, fragment: Y.XmlFragment, mapping: Mapping): number | null {
  let pos = 0;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are invariant in their event type
  let type: Y.AbstractType<any> = text;
  while (type !== fragment) {
    const item = type._item;
    if (item === null || item.deleted || !(item.parent instanceof Y.AbstractType)) {
      return null;
    }
    const parent = item.parent;
    for (let sibling = parent._first; sibling !== null && sibling !== item; sibling = sibling.right) {
      if (sibling.deleted || !(sibling.content instanceof Y.ContentType)) {
        continue;
      }
      const child = sibling.content.type;
      if (child instanceof Y.XmlText) {
        pos += child.length;
      } else {
        const size = nodeSizeOf(mapping.get(child));
        if (size === null) {
          return null;
        }
        pos += size;
      }
    }
    // The opening of the parent node (the fragment itself is the document, without one).
    if (parent !== fragment) {
      pos += 1;
    }
    type = parent;
  }
  return pos;
}

/** The characters of an XmlText without its formatting. */
function plainText(text: Y.XmlText): string {
  const delta: unknown = text.toDelta();
  if (!Array.isArray(delta)) {
    return '';
  }
  return delta
    .map((op: unknown) =>
      typeof op === 'object' && op !== null && 'insert' in op && typeof op.insert === 'string'
        ? op.insert
        : '',
    )
    .join('');
}

/**
 * Where `anchor` lies in the editor now. `unknown` when the editor cannot say yet (not
 * drawn, or ProseMirror and Yjs disagree for a moment); `detached` when its text is gone.
 */
export function placeOfAnchor(
  state: EditorState,
  doc: Y.Doc,
  fragment: Y.XmlFragment,
  anchor: CommentAnchor,
): PassagePlace {
  const binding = bindingOf(state);
  if (binding === null) {
    return 'unknown';
  }
  const resolved = resolveAnchor(doc, anchor);
  if (resolved === 'detached') {
    return 'detached';
  }
  const base = textStart(resolved.text, fragment, binding.mapping);
  if (base === null) {
    return 'unknown';
  }
  const from = base + resolved.start;
  const to = base + resolved.end;
  if (to > state.doc.content.size) {
    return 'unknown';
  }
  const $from = state.doc.resolve(from);
  if (!$from.parent.isTextblock || !$from.sameParent(state.doc.resolve(to))) {
    return 'unknown';
  }
  const quote = state.doc.textBetween(from, to);
  // A check that both sides agree: right after a remote change the drawing may lag behind.
  if (quote !== plainText(resolved.text).slice(resolved.start, resolved.end)) {
    return 'unknown';
  }
  return { from, to, quote };
}

interface Range {
  from: number;
  to: number;
}

/** The part of the selection in the first textblock that holds selected text. */
function firstBlockRange(state: EditorState, from: number, to: number): Range | null {
  const found: Range[] = [];
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (found.length > 0) {
      return false;
    }
    if (!node.isTextblock) {
      return true;
    }
    const start = Math.max(from, pos + 1);
    const end = Math.min(to, pos + node.nodeSize - 1);
    if (end > start && state.doc.textBetween(start, end) !== '') {
      found.push({ from: start, to: end });
    }
    return false;
  });
  return found[0] ?? null;
}

/**
 * The anchor for the current selection. An anchor lies in one XmlText: a selection over
 * several paragraphs (or across a line break) is cut to its part in the first one.
 */
export function anchorForSelection(
  state: EditorState,
  doc: Y.Doc,
  fragment: Y.XmlFragment,
): SelectedPassage | null {
  const { from, to, empty } = state.selection;
  const binding = bindingOf(state);
  if (empty || binding === null) {
    return null;
  }
  const block = firstBlockRange(state, from, to);
  if (block === null) {
    return null;
  }
  const start = textPointAt(block.from, doc, fragment, binding.mapping);
  const end = textPointAt(block.to, doc, fragment, binding.mapping);
  if (start === null || end === null) {
    return null;
  }
  let clipped = block.from !== from || block.to !== to;
  let piece: { text: Y.XmlText; start: number; end: number; pmFrom: number };
  if (start.text === end.text) {
    piece = { text: start.text, start: start.index, end: end.index, pmFrom: block.from };
  } else if (start.index < start.text.length) {
    piece = { text: start.text, start: start.index, end: start.text.length, pmFrom: block.from };
    clipped = true;
  } else if (end.index > 0) {
    piece = { text: end.text, start: 0, end: end.index, pmFrom: block.to - end.index };
    clipped = true;
  } else {
    return null;
  }
  if (piece.start >= piece.end) {
    return null;
  }
  const quote = state.doc.textBetween(piece.pmFrom, piece.pmFrom + (piece.end - piece.start));
  return { anchor: createAnchor(piece.text, piece.start, piece.end), quote, clipped };
}
