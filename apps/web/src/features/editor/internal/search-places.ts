import { findQueryMatches, foldForSearch, parseSearchQuery } from '@kapitel/domain';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

/**
 * Where the report search's matches stand in the editor's document. The server counts them
 * in the section's plain text (`textOf` in libs/editor: blocks apart by a blank line, a
 * footnote's and an image caption's words where the node stands, a hard break as a line
 * break); the same text is built here, remembering which document position each character
 * comes from, and searched with the same function (`findQueryMatches` of libs/domain: every
 * occurrence of any word or quoted phrase of the query), so that the editor marks exactly what
 * the search counted.
 */

/** One part of a match in the document: text `from`–`to`, or a whole node (footnote, image, captioned table) whose words matched. */
export interface MatchPiece {
  from: number;
  to: number;
  /** A footnote or an image: marked as a node, its words are not text of the editor. */
  leaf: boolean;
}

/** One match of the query: its pieces in document order (more than one across blocks or leaves). */
export type DocumentMatch = readonly MatchPiece[];

/** A stretch of the plain text and where it comes from. */
interface Segment {
  /** Where it starts and ends in the plain text. */
  start: number;
  end: number;
  /** The document position of its first character (text) or of its node (leaf). */
  pos: number;
  /** The leaf's size; 0 for text. */
  leafSize: number;
}

interface PlainText {
  text: string;
  segments: Segment[];
}

/**
 * The section's plain text as libs/editor's `textOf` writes it (`textBetween` with a blank
 * line between blocks and each leaf's `leafText`, a line break for leaves without one), with
 * its segments. Walked as ProseMirror's `textBetween` walks, so that the two agree.
 */
function plainTextOf(doc: ProseMirrorNode): PlainText {
  let text = '';
  let first = true;
  const segments: Segment[] = [];
  doc.nodesBetween(0, doc.content.size, (node, pos) => {
    const leafText = node.type.spec.leafText;
    // A table's caption (libs/editor table-caption.ts): a block of its own before the cells.
    const captionText = node.type.spec.captionText as ((table: ProseMirrorNode) => string) | undefined;
    const nodeText = node.isText
      ? (node.text ?? '')
      : !node.isLeaf
        ? (captionText?.(node) ?? '')
        : leafText
          ? leafText(node)
          : '\n';
    if (node.isBlock && (node.isTextblock || nodeText !== '')) {
      if (first) {
        first = false;
      } else {
        text += '\n\n';
      }
    }
    if (nodeText !== '') {
      // A hard break is a line break in the text, nothing to mark in the editor; a caption's
      // words are not editor text either: its table is marked as a whole.
      if (node.isText || leafText || captionText) {
        segments.push({ start: text.length, end: text.length + nodeText.length, pos, leafSize: node.isText ? 0 : node.nodeSize });
      }
      text += nodeText;
    }
  });
  return { text, segments };
}

/** The pieces of the document that plain text `start`–`end` comes from. */
function piecesOf(segments: readonly Segment[], first: number, start: number, end: number): MatchPiece[] {
  const pieces: MatchPiece[] = [];
  for (let index = first; index < segments.length; index += 1) {
    const segment = segments[index];
    if (segment === undefined || segment.start >= end) {
      break;
    }
    if (segment.end <= start) {
      continue;
    }
    if (segment.leafSize > 0) {
      pieces.push({ from: segment.pos, to: segment.pos + segment.leafSize, leaf: true });
    } else {
      const from = segment.pos + Math.max(start, segment.start) - segment.start;
      const to = segment.pos + Math.min(end, segment.end) - segment.start;
      pieces.push({ from, to, leaf: false });
    }
  }
  return pieces;
}

/** The plain text the server searches for this document (for tests: it must equal libs/editor's). */
export function searchedTextOf(doc: ProseMirrorNode): string {
  return plainTextOf(doc).text;
}

/**
 * Every match of any word or phrase of `query` in `doc`, in text order, as the search finds
 * them; none for a query with nothing to find. The words are marked wherever they stand, also
 * when the section holds only some of them (the server found it by its title, or the text
 * changed since).
 */
export function matchesInDocument(doc: ProseMirrorNode, query: string): DocumentMatch[] {
  const parsed = parseSearchQuery(query);
  if (parsed.terms.length === 0) {
    return [];
  }
  const { text, segments } = plainTextOf(doc);
  const matches: DocumentMatch[] = [];
  // Matches come in text order: the first segment that can hold one only moves forward.
  let first = 0;
  for (const { start, end } of findQueryMatches(foldForSearch(text), parsed)) {
    while (first < segments.length && (segments[first]?.end ?? 0) <= start) {
      first += 1;
    }
    // Never empty: a query holds a visible character, and every visible one comes from a segment.
    matches.push(piecesOf(segments, first, start, end));
  }
  return matches;
}
