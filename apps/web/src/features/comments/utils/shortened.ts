import type { Segment } from '@kapitel/domain';

/** Unchanged words kept on each side of a change; the rest of a long stretch is left out. */
const CONTEXT_WORDS = 6;

/**
 * A suggested change's word diff with its unchanged stretches cut to a few words around each
 * change ("…"), so that one changed word in a long paragraph is found at a glance. Changed
 * words are never cut.
 */
export function shortened(segments: readonly Segment[]): Segment[] {
  return segments.map((segment, index) => {
    if (segment.op !== 'equal') {
      return segment;
    }
    // Each word with the spaces around it (leading ones only on the first): joined they give the text back.
    const words = segment.text.match(/\s*\S+\s*/gu) ?? [];
    const keepAfterChange = index === 0 ? 0 : CONTEXT_WORDS;
    const keepBeforeChange = index === segments.length - 1 ? 0 : CONTEXT_WORDS;
    if (words.length <= keepAfterChange + keepBeforeChange + 2) {
      return segment;
    }
    const head = words.slice(0, keepAfterChange).join('');
    const tail = words.slice(words.length - keepBeforeChange).join('');
    return { op: 'equal', text: `${head}…${tail === '' ? '' : ` ${tail}`}` };
  });
}
