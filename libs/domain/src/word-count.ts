/**
 * How many words a text holds, by one rule for the server, the editor and the outline
 * (docs/outline.md, "Length"): a word is a run of letters, combining marks and digits, also
 * joined by an inner hyphen, apostrophe, point, comma or slash, so that "E-Mail", "geht’s",
 * "1.234,56" and "und/oder" count once. Punctuation and spaces count nothing.
 */
const WORD = /[\p{L}\p{M}\p{N}]+(?:[-‐'’.,/][\p{L}\p{M}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let count = 0;
  for (const _match of text.matchAll(WORD)) {
    count += 1;
  }
  return count;
}

/** A section's word count against its target: over it (it guides, it never blocks), or not. */
export function overTarget(words: number, targetWords: number | null): boolean {
  return targetWords !== null && words > targetWords;
}

/** `GET /projects/:projectId/word-counts`: every live section's current count. */
export interface WordCountsResponse {
  counts: Array<{ sectionId: string; words: number }>;
}
