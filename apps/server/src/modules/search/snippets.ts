import { SEARCH_LIMITS, type SearchSnippet, type TextRange } from '@kapitel/domain';

const ELLIPSIS = '…';

/** White space as one space: the text's blocks are apart by blank lines, a snippet is one line. */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function isLowSurrogate(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/**
 * Where the context before a match starts: about `context` characters back, moved forward to
 * the start of a word (unless one word fills it all), never before `floor`, never between
 * the two halves of an emoji.
 */
function contextStart(text: string, matchStart: number, context: number, floor: number): number {
  let from = Math.max(floor, matchStart - context);
  if (from > 0 && !/\s/.test(text.charAt(from - 1))) {
    const space = text.slice(from, matchStart).search(/\s/);
    if (space !== -1) {
      from += space + 1;
    }
  }
  return isLowSurrogate(text, from) ? from + 1 : from;
}

/** Where the context after a match ends: the same, backwards. */
function contextEnd(text: string, matchEnd: number, context: number): number {
  let to = Math.min(text.length, matchEnd + context);
  if (to < text.length && !/\s/.test(text.charAt(to))) {
    let space = to - 1;
    while (space > matchEnd && !/\s/.test(text.charAt(space))) {
      space -= 1;
    }
    if (space > matchEnd) {
      to = space;
    }
  }
  return to < text.length && isLowSurrogate(text, to) ? to - 1 : to;
}

/**
 * The snippets of a section's text for its matches (text order): each match with about
 * `context` characters on each side, cut at word boundaries and marked with "…" where the
 * text goes on. A match that lies in the context of the snippet before gets none of its
 * own (it is on screen already), so snippets never repeat text.
 */
export function snippetsOf(
  text: string,
  matches: readonly TextRange[],
  max: number = SEARCH_LIMITS.snippetsPerSection,
  context: number = SEARCH_LIMITS.snippetContext,
): SearchSnippet[] {
  const snippets: SearchSnippet[] = [];
  let shownUntil = 0;
  for (const { start, end } of matches) {
    if (snippets.length === max) {
      break;
    }
    if (start < shownUntil) {
      continue;
    }
    const from = contextStart(text, start, context, shownUntil);
    const to = contextEnd(text, end, context);
    snippets.push({
      before: (from > 0 ? ELLIPSIS : '') + squash(text.slice(from, start)).trimStart(),
      match: squash(text.slice(start, end)),
      after: squash(text.slice(end, to)).trimEnd() + (to < text.length ? ELLIPSIS : ''),
    });
    shownUntil = to;
  }
  return snippets;
}
