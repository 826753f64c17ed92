import { countWords, diffSequences, diffWords, Interner, isWord, tokenize, type Segment } from '@kapitel/domain';

/** A block of a document as compared: its kind (paragraph, heading …) and its plain text. */
export interface DiffBlock {
  kind: string;
  text: string;
}

/** What became of one block: kept, edited (with its word changes), removed or added whole. */
export type BlockChange<B extends DiffBlock> =
  | { type: 'equal'; before: B; after: B }
  /** `complete` false: too long for a word diff, given as the old text deleted and the new inserted. */
  | { type: 'changed'; before: B; after: B; segments: Segment[]; complete: boolean }
  | { type: 'removed'; before: B }
  | { type: 'added'; after: B };

export interface DiffSummary {
  wordsInserted: number;
  wordsDeleted: number;
  blocksChanged: number;
  blocksAdded: number;
  blocksRemoved: number;
}

export interface DocumentDiff<B extends DiffBlock> {
  changes: Array<BlockChange<B>>;
  summary: DiffSummary;
}

export interface DiffLimits {
  /** The most block steps Myers searches for before the middle is paired as one stretch. */
  maxBlockEdits: number;
  /** Stretches of changed blocks up to this many old × new pairs are paired exactly, larger ones greedily. */
  maxPairings: number;
  /** How far the greedy pairing looks ahead for a block's old self. */
  lookAhead: number;
  /** Per block pair (see diffWords). */
  maxTokens: number;
  maxTokenEdits: number;
}

/**
 * Chosen for a 100-page section (about 2,000 blocks of 40 words) to compare in well under a
 * second: a few thousand blocks per side, paragraphs of a few thousand words.
 */
export const DEFAULT_LIMITS: DiffLimits = {
  maxBlockEdits: 500,
  maxPairings: 10_000,
  lookAhead: 8,
  maxTokens: 6000,
  maxTokenEdits: 600,
};

/**
 * From this share of common words (Dice coefficient) on, an edited block counts as its old
 * self rather than as one removed and another added.
 */
export const SIMILAR = 0.4;

/** Word counts of a block's text, for the similarity of two blocks. */
function bagOf(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const token of tokenize(text)) {
    if (isWord(token)) {
      const word = token.toLocaleLowerCase('de');
      bag.set(word, (bag.get(word) ?? 0) + 1);
    }
  }
  return bag;
}

function sizeOf(bag: ReadonlyMap<string, number>): number {
  let size = 0;
  for (const count of bag.values()) {
    size += count;
  }
  return size;
}

/** 2·common words / all words, from 0 (nothing in common) to 1 (the same words). */
export function similarity(a: string, b: string): number {
  return dice(bagOf(a), bagOf(b));
}

function dice(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const total = sizeOf(a) + sizeOf(b);
  if (total === 0) {
    return 1;
  }
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const [word, count] of small) {
    common += Math.min(count, large.get(word) ?? 0);
  }
  return (2 * common) / total;
}

type Step = { pair: [number, number] } | { removed: number } | { added: number };

/**
 * Pairs the old and new blocks of one changed stretch so that an edited paragraph meets its
 * old self, keeping the order (a block moved past others is removed here and added there).
 * Exact (an LCS weighted by similarity) for small stretches, greedy with a look-ahead for
 * large ones; a lone old block facing a lone new one of the same kind is always a pair.
 */
function pairStretch(before: readonly DiffBlock[], after: readonly DiffBlock[], limits: DiffLimits): Step[] {
  const bagsBefore = before.map((block) => bagOf(block.text));
  const bagsAfter = after.map((block) => bagOf(block.text));
  const lone = before.length === 1 && after.length === 1;
  const score = (i: number, j: number): number => {
    if (before[i]?.kind !== after[j]?.kind) {
      return 0;
    }
    const value = dice(bagsBefore[i] ?? new Map(), bagsAfter[j] ?? new Map());
    return value >= SIMILAR ? value : lone ? Number.EPSILON : 0;
  };
  return before.length * after.length <= limits.maxPairings
    ? pairExactly(before.length, after.length, score)
    : pairGreedily(before.length, after.length, score, limits.lookAhead);
}

function pairExactly(n: number, m: number, score: (i: number, j: number) => number): Step[] {
  // best[i][j]: the most similarity pairing before[i..] with after[j..] can reach.
  const width = m + 1;
  const best = new Float64Array((n + 1) * width);
  const cell = (i: number, j: number): number => best[i * width + j] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const paired = score(i, j);
      best[i * width + j] = Math.max(cell(i + 1, j), cell(i, j + 1), paired > 0 ? paired + cell(i + 1, j + 1) : 0);
    }
  }
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const paired = score(i, j);
    if (paired > 0 && cell(i, j) === paired + cell(i + 1, j + 1)) {
      steps.push({ pair: [i, j] });
      i += 1;
      j += 1;
    } else if (cell(i, j) === cell(i + 1, j)) {
      steps.push({ removed: i });
      i += 1;
    } else {
      steps.push({ added: j });
      j += 1;
    }
  }
  return finish(steps, i, n, j, m);
}

function pairGreedily(n: number, m: number, score: (i: number, j: number) => number, lookAhead: number): Step[] {
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (score(i, j) > 0) {
      steps.push({ pair: [i, j] });
      i += 1;
      j += 1;
      continue;
    }
    let skipped = false;
    for (let k = 1; k <= lookAhead && !skipped; k++) {
      if (j + k < m && score(i, j + k) > 0) {
        for (let added = j; added < j + k; added++) {
          steps.push({ added });
        }
        j += k;
        skipped = true;
      } else if (i + k < n && score(i + k, j) > 0) {
        for (let removed = i; removed < i + k; removed++) {
          steps.push({ removed });
        }
        i += k;
        skipped = true;
      }
    }
    if (!skipped) {
      steps.push({ removed: i }, { added: j });
      i += 1;
      j += 1;
    }
  }
  return finish(steps, i, n, j, m);
}

function finish(steps: Step[], i: number, n: number, j: number, m: number): Step[] {
  for (; i < n; i++) {
    steps.push({ removed: i });
  }
  for (; j < m; j++) {
    steps.push({ added: j });
  }
  return steps;
}

/**
 * The changes from the blocks `before` to the blocks `after`: blocks aligned by Myers' diff
 * over their kind and text, the blocks between two kept ones paired by similarity, each
 * pair compared word by word. Formatting is not compared: only kinds and texts are seen.
 */
export function diffBlocks<B extends DiffBlock>(
  before: readonly B[],
  after: readonly B[],
  limits: DiffLimits = DEFAULT_LIMITS,
): DocumentDiff<B> {
  const interner = new Interner();
  const key = (block: B): number => interner.id(`${block.kind}\u0000${block.text}`);
  const aligned = diffSequences(before.map(key), after.map(key), limits.maxBlockEdits);
  const changes: Array<BlockChange<B>> = [];
  let stretchBefore: B[] = [];
  let stretchAfter: B[] = [];
  const closeStretch = (): void => {
    for (const step of pairStretch(stretchBefore, stretchAfter, limits)) {
      changes.push(changeOf(step, stretchBefore, stretchAfter, limits));
    }
    stretchBefore = [];
    stretchAfter = [];
  };
  let i = 0;
  let j = 0;
  for (const op of aligned.ops) {
    const old = before[i];
    const now = after[j];
    if (op === 'equal' && old !== undefined && now !== undefined) {
      closeStretch();
      changes.push({ type: 'equal', before: old, after: now });
    } else if (op === 'delete' && old !== undefined) {
      stretchBefore.push(old);
    } else if (now !== undefined) {
      stretchAfter.push(now);
    }
    i += op === 'insert' ? 0 : 1;
    j += op === 'delete' ? 0 : 1;
  }
  closeStretch();
  return { changes, summary: summarize(changes) };
}

function changeOf<B extends DiffBlock>(
  step: Step,
  before: readonly B[],
  after: readonly B[],
  limits: DiffLimits,
): BlockChange<B> {
  if ('pair' in step) {
    const old = before[step.pair[0]] as B;
    const now = after[step.pair[1]] as B;
    // Two blocks the same in text that Myers put apart (a paragraph there twice) are kept.
    if (old.text === now.text) {
      return { type: 'equal', before: old, after: now };
    }
    const words = diffWords(old.text, now.text, { maxTokens: limits.maxTokens, maxEdits: limits.maxTokenEdits });
    return { type: 'changed', before: old, after: now, segments: words.segments, complete: words.complete };
  }
  return 'removed' in step
    ? { type: 'removed', before: before[step.removed] as B }
    : { type: 'added', after: after[step.added] as B };
}

/** The counts the comparison opens with. Words of added and removed blocks count too. */
export function summarize(changes: ReadonlyArray<BlockChange<DiffBlock>>): DiffSummary {
  const summary: DiffSummary = { wordsInserted: 0, wordsDeleted: 0, blocksChanged: 0, blocksAdded: 0, blocksRemoved: 0 };
  for (const change of changes) {
    switch (change.type) {
      case 'equal':
        break;
      case 'changed':
        summary.blocksChanged += 1;
        for (const segment of change.segments) {
          if (segment.op === 'insert') {
            summary.wordsInserted += countWords(segment.text);
          } else if (segment.op === 'delete') {
            summary.wordsDeleted += countWords(segment.text);
          }
        }
        break;
      case 'removed':
        summary.blocksRemoved += 1;
        summary.wordsDeleted += countWords(change.before.text);
        break;
      case 'added':
        summary.blocksAdded += 1;
        summary.wordsInserted += countWords(change.after.text);
        break;
    }
  }
  return summary;
}
