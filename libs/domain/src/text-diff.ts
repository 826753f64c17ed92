import { diffSequences, Interner, type EditOp } from './sequence-diff.js';

/** A stretch of text in a comparison: the same in both, only in the old, only in the new. */
export interface Segment {
  op: EditOp;
  text: string;
}

/**
 * Words, whitespace and single punctuation marks, which together give back the text.
 * A word is letters (umlauts and ß included), combining marks and digits, also joined by
 * an inner hyphen, apostrophe, point, comma or slash: "E-Mail", "geht’s", "1.234,56",
 * "und/oder" and long compounds ("Ausschusssitzung") are one token each.
 */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[-‐'’.,/][\p{L}\p{M}\p{N}]+)*|\s+|[^\s\p{L}\p{M}\p{N}]/gu;
const WORD = /^[\p{L}\p{M}\p{N}]/u;
const SPACE = /^\s+$/u;

/** The text's tokens (see TOKEN); joined they give the text back unchanged. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** True for a word token, false for whitespace and punctuation. */
export function isWord(token: string): boolean {
  return WORD.test(token);
}


export interface WordDiffLimits {
  /** Above this many tokens in both texts together, no word diff is tried. */
  maxTokens: number;
  /** The most single-token steps searched for (see diffSequences). */
  maxEdits: number;
}

export interface WordDiff {
  segments: Segment[];
  /** False when a limit was met and the text is given as removed whole and inserted whole. */
  complete: boolean;
}

function whole(before: string, after: string): Segment[] {
  return [
    ...(before === '' ? [] : [{ op: 'delete' as const, text: before }]),
    ...(after === '' ? [] : [{ op: 'insert' as const, text: after }]),
  ];
}

interface Run {
  op: EditOp;
  tokens: string[];
}

/** Consecutive tokens of the same step as one run. */
function runsOf(ops: readonly EditOp[], before: readonly string[], after: readonly string[]): Run[] {
  const runs: Run[] = [];
  let i = 0;
  let j = 0;
  for (const op of ops) {
    const token = op === 'insert' ? after[j] : before[i];
    if (op !== 'insert') {
      i += 1;
    }
    if (op !== 'delete') {
      j += 1;
    }
    const last = runs.at(-1);
    if (last?.op === op) {
      last.tokens.push(token ?? '');
    } else {
      runs.push({ op, tokens: [token ?? ''] });
    }
  }
  return runs;
}

/**
 * Readable segments: a space kept between two changes belongs to the change (otherwise
 * "alte Wörter" -> "neue Sätze" reads as two replacements split by a kept space), and every
 * change is given as its deleted text first, then its inserted text.
 */
function segmentsOf(runs: readonly Run[]): Segment[] {
  const segments: Segment[] = [];
  let deleted = '';
  let inserted = '';
  const flush = (): void => {
    segments.push(...whole(deleted, inserted));
    deleted = '';
    inserted = '';
  };
  // The steps of the change that starts at `index` (up to the next equal run).
  const stepsFrom = (index: number): Set<EditOp> => {
    const steps = new Set<EditOp>();
    for (let next = index; next < runs.length && runs[next]?.op !== 'equal'; next++) {
      steps.add(runs[next]?.op ?? 'equal');
    }
    return steps;
  };
  runs.forEach((run, index) => {
    const text = run.tokens.join('');
    // Only between changes that delete and insert: a space given to both sides keeps both
    // texts whole, where between two insertions it would show as a deleted space.
    const next = run.op === 'equal' && SPACE.test(text) ? stepsFrom(index + 1) : new Set<EditOp>();
    const between =
      (deleted !== '' || inserted !== '') &&
      next.size > 0 &&
      (deleted !== '' || next.has('delete')) &&
      (inserted !== '' || next.has('insert'));
    if (run.op === 'equal' && !between) {
      flush();
      segments.push({ op: 'equal', text });
      return;
    }
    if (run.op !== 'insert') {
      deleted += text;
    }
    if (run.op !== 'delete') {
      inserted += text;
    }
  });
  flush();
  return mergeEqual(segments);
}

/** Neighbouring segments of the same kind as one (a space given back to an equal run). */
function mergeEqual(segments: readonly Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const segment of segments) {
    const last = merged.at(-1);
    if (last?.op === segment.op) {
      last.text += segment.text;
    } else {
      merged.push({ ...segment });
    }
  }
  return merged;
}

/**
 * The word-level changes from `before` to `after`: Myers' diff over tokens (words,
 * spaces, punctuation), cleaned up for reading. Above the limits the pair is given as
 * deleted whole and inserted whole, so that one huge paragraph cannot stall the page.
 */
export function diffWords(before: string, after: string, limits: WordDiffLimits): WordDiff {
  if (before === after) {
    return { segments: before === '' ? [] : [{ op: 'equal', text: before }], complete: true };
  }
  const a = tokenize(before);
  const b = tokenize(after);
  if (a.length + b.length > limits.maxTokens) {
    return { segments: whole(before, after), complete: false };
  }
  const interner = new Interner();
  const diff = diffSequences(
    a.map((token) => interner.id(token)),
    b.map((token) => interner.id(token)),
    limits.maxEdits,
  );
  if (!diff.complete) {
    return { segments: whole(before, after), complete: false };
  }
  // A lone space is not worth keeping as the only equal part of a changed text.
  const segments = segmentsOf(runsOf(diff.ops, a, b));
  if (segments.every((segment) => segment.op !== 'equal' || SPACE.test(segment.text))) {
    return { segments: whole(before, after), complete: true };
  }
  return { segments, complete: true };
}
