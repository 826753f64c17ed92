import { findQueryMatches, foldForSearch, parseSearchQuery } from '@kapitel/domain';

/** A piece of a text, marked when it matches the query. */
export interface TextPart {
  text: string;
  marked: boolean;
}

/**
 * `text` cut into pieces, those that match any word or phrase of `query` marked. Compared as
 * the server compares (findQueryMatches of libs/domain): a title found for "munchen" shows
 * "München" marked, one found for "Reutlingen Ulm" both words.
 */
export function markMatches(text: string, query: string): TextPart[] {
  const parts: TextPart[] = [];
  let cursor = 0;
  for (const { start, end } of findQueryMatches(foldForSearch(text), parseSearchQuery(query))) {
    // Two matches can share one character (the halves of a ß): the second starts after the first.
    const from = Math.max(start, cursor);
    if (from >= end) {
      continue;
    }
    if (from > cursor) {
      parts.push({ text: text.slice(cursor, from), marked: false });
    }
    parts.push({ text: text.slice(from, end), marked: true });
    cursor = end;
  }
  if (cursor < text.length) {
    parts.push({ text: text.slice(cursor), marked: false });
  }
  return parts;
}
