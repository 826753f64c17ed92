import { diffWords, SUGGESTION_DIFF_LIMITS } from '@kapitel/domain';
import * as Y from 'yjs';
import { createAnchor, resolveAnchor, type EncodedAnchor } from './anchors.js';


/**
 * Suggested changes (docs/comments.md, "Suggested changes"): a comment proposes a new text
 * for its passage, and whoever may edit the section puts it into the text with one click.
 * The server computes the change as a Yjs update against the section's stored state and hands
 * it to the section's room like any edit, so it is stored before anyone sees it.
 */

/** The plain text of `text[start, end)`: its characters without their formatting. */
export function plainTextBetween(text: Y.XmlText, start: number, end: number): string {
  let result = '';
  let offset = 0;
  for (const op of text.toDelta() as Array<{ insert: unknown }>) {
    const piece = typeof op.insert === 'string' ? op.insert : '\uFFFC';
    const from = Math.max(start - offset, 0);
    const to = Math.min(end - offset, piece.length);
    if (from < to) {
      result += piece.slice(from, to);
    }
    offset += piece.length;
    if (offset >= end) {
      break;
    }
  }
  return result;
}

/** The text a comment anchor covers in `doc` now, or null when its passage is gone. */
export function anchoredText(doc: Y.Doc, anchor: EncodedAnchor): string | null {
  const resolved = resolveAnchor(doc, anchor);
  return resolved === 'detached' ? null : plainTextBetween(resolved.text, resolved.start, resolved.end);
}

/** The formatting (marks) of the character at `index`: what the new text takes on. */
function formattingAt(text: Y.XmlText, index: number): Record<string, unknown> {
  let offset = 0;
  for (const op of text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    if (index < offset + length) {
      return { ...(op.attributes ?? {}) };
    }
    offset += length;
  }
  return {};
}

export type SuggestionEdit =
  | {
      /** Applied on top of the state it was computed from, the passage reads the suggestion. */
      update: Uint8Array;
      /** An anchor on the new text, or null when the suggestion deleted the passage. */
      anchor: EncodedAnchor | null;
    }
  /** The passage's text was deleted. */
  | 'detached'
  /** The passage reads otherwise than it did when the change was suggested. */
  | 'changed';

/**
 * The Yjs update that turns the passage of `anchor` in the section state `currentState` into
 * `replacement`, provided it still reads `expected`: a change suggested for one text is
 * never applied to another (someone edited the passage since, and their edit must not be
 * overwritten unseen). Only the words that differ are replaced (the word diff of the version
 * comparison, `diffWords`): unchanged words keep their formatting and stay the same Yjs items,
 * so "drei **wichtige** Beschlüsse" -> "drei **zentrale** Beschlüsse" keeps the bold, and
 * other anchors on them keep resolving. A replaced word takes the formatting of the first
 * character it replaces; a word only added, that of the character before it in the passage.
 */
export function suggestionUpdate(
  currentState: Uint8Array,
  anchor: EncodedAnchor,
  expected: string,
  replacement: string,
): SuggestionEdit {
  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, currentState);
    const resolved = resolveAnchor(doc, anchor);
    if (resolved === 'detached') {
      return 'detached';
    }
    const { text, start, end } = resolved;
    if (plainTextBetween(text, start, end) !== expected) {
      return 'changed';
    }
    const before = Y.encodeStateVector(doc);
    doc.transact(() => {
      applyWordChanges(text, start, expected, replacement);
    });
    if (plainTextBetween(text, start, start + replacement.length) !== replacement) {
      throw new Error('a suggested change did not give the suggested text');
    }
    return {
      update: Y.encodeStateAsUpdate(doc, before),
      anchor: replacement === '' ? null : createAnchor(text, start, start + replacement.length),
    };
  } finally {
    doc.destroy();
  }
}

/** Turns `text[start, start + before.length)`, which reads `before`, into `after`, change by change. */
function applyWordChanges(text: Y.XmlText, start: number, before: string, after: string): void {
  const segments = diffWords(before, after, SUGGESTION_DIFF_LIMITS).segments;
  let at = start;
  for (const [index, segment] of segments.entries()) {
    if (segment.op === 'equal') {
      at += segment.text.length;
    } else if (segment.op === 'delete') {
      // The words that replace these come next (diffWords gives a change as its deleted text
      // first): they take these words' formatting, read before they go.
      const replacedBy = segments[index + 1];
      const formatting = formattingAt(text, at);
      text.delete(at, segment.text.length);
      if (replacedBy?.op === 'insert') {
        // Explicit attributes: without them the new words would take the formatting of the
        // character before them.
        text.insert(at, replacedBy.text, formatting);
        at += replacedBy.text.length;
      }
    } else if (segments[index - 1]?.op !== 'delete') {
      text.insert(at, segment.text, formattingAt(text, at > start ? at - 1 : at));
      at += segment.text.length;
    }
  }
}
