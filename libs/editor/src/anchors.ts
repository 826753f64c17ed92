import * as Y from 'yjs';

/**
 * Comment anchors: a range of one `Y.XmlText`, held as two Yjs relative positions. They
 * point at characters (item ids), not offsets, so a range keeps covering the same text
 * through any concurrent inserts and deletes. See docs/comments.md ("Anchors").
 */

/**
 * Base64 of two `Y.encodeRelativePosition`s: the same shape as `CommentAnchor` of
 * libs/domain, declared here because the editor package depends on Tiptap and Yjs only.
 */
export interface EncodedAnchor {
  start: string;
  end: string;
}

/** Where an anchor lies in a document now, or `'detached'` when its text is gone. */
export type ResolvedAnchor = { text: Y.XmlText; start: number; end: number } | 'detached';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function fromBase64(text: string): Uint8Array | null {
  if (text.length === 0 || !BASE64.test(text)) {
    return null;
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}

/**
 * The relative position `encoded` (base64 of `Y.encodeRelativePosition`) stands for, or null
 * when it is not one: not base64, not decodable, or not in the canonical form that encoding
 * it again would give (no trailing bytes).
 */
export function decodeAnchorPosition(encoded: string): Y.RelativePosition | null {
  const bytes = fromBase64(encoded);
  if (bytes === null) {
    return null;
  }
  let position: Y.RelativePosition;
  try {
    position = Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
  const again = Y.encodeRelativePosition(position);
  if (again.length !== bytes.length || again.some((byte, i) => byte !== bytes[i])) {
    return null;
  }
  return position;
}

/**
 * An anchor on `text[start, end)`. The start sticks to the range's first character and the
 * end to its last one, so text typed just outside the range stays outside.
 */
export function createAnchor(text: Y.XmlText, start: number, end: number): EncodedAnchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`An anchor needs 0 <= start < end <= ${text.length}, got ${start}..${end}`);
  }
  const from = Y.createRelativePositionFromTypeIndex(text, start, 0);
  const to = Y.createRelativePositionFromTypeIndex(text, end, -1);
  return { start: toBase64(Y.encodeRelativePosition(from)), end: toBase64(Y.encodeRelativePosition(to)) };
}

function absolute(encoded: string, doc: Y.Doc, followUndone = true): Y.AbsolutePosition | null {
  const position = decodeAnchorPosition(encoded);
  return position === null ? null : Y.createAbsolutePositionFromRelativePosition(position, doc, followUndone);
}

/**
 * Where `anchor` lies in `doc`: the text node and the range of it the anchor covers now.
 * `'detached'` when all of its characters are deleted (the range is empty), when its
 * paragraph is gone, when both ends do not lie in one text node, or when `doc` does not
 * know the positions (yet).
 */
export function resolveAnchor(doc: Y.Doc, anchor: EncodedAnchor, followUndone = true): ResolvedAnchor {
  const start = absolute(anchor.start, doc, followUndone);
  const end = absolute(anchor.end, doc, followUndone);
  if (start === null || end === null || start.type !== end.type || !(start.type instanceof Y.XmlText)) {
    return 'detached';
  }
  if (start.type._item?.deleted || start.index >= end.index) {
    return 'detached';
  }
  return { text: start.type, start: start.index, end: end.index };
}

/**
 * The anchor anew when its text was deleted and an undo in this document brought it back:
 * Yjs restores deleted text as new characters and links the old ones to them only in the
 * document that undid (other documents see the anchor's text deleted). Null otherwise.
 */
export function restoredAnchor(doc: Y.Doc, anchor: EncodedAnchor): EncodedAnchor | null {
  const followed = resolveAnchor(doc, anchor);
  if (followed === 'detached' || resolveAnchor(doc, anchor, false) !== 'detached') {
    return null;
  }
  return createAnchor(followed.text, followed.start, followed.end);
}
