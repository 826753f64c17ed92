import { describe, expect, it } from '@jest/globals';
import type { CommentAnchor } from '@kapitel/domain';
import { countByFilter, groupThreads, matchesFilter, type PassagePlace } from './thread-order';

interface Fake {
  id: string;
  anchor: CommentAnchor | null;
  createdAt: string;
  resolvedAt: string | null;
}

const anchor: CommentAnchor = { start: 'AA==', end: 'AA==' };
const thread = (id: string, minute: number, anchored = true, resolved = false): Fake => ({
  id,
  anchor: anchored ? anchor : null,
  createdAt: `2025-05-01T10:${String(minute).padStart(2, '0')}:00.000Z`,
  resolvedAt: resolved ? '2025-05-02T10:00:00.000Z' : null,
});

const ids = (placed: { thread: Fake }[]): string[] => placed.map((entry) => entry.thread.id);

describe('groupThreads()', () => {
  it('puts whole-section comments first, passages in text order and deleted passages apart', () => {
    const places: Record<string, PassagePlace> = {
      late: { from: 40, to: 45, quote: 'x' },
      early: { from: 3, to: 9, quote: 'y' },
      gone: 'detached',
      sameStartLonger: { from: 3, to: 20, quote: 'z' },
    };
    const threads = [
      thread('late', 1),
      thread('whole2', 5, false),
      thread('gone', 2),
      thread('early', 3),
      thread('whole1', 4, false),
      thread('sameStartLonger', 0),
    ];
    const groups = groupThreads(threads, (entry) => places[entry.id] ?? 'unknown');
    expect(ids(groups.section)).toEqual(['whole1', 'whole2']);
    expect(ids(groups.passages)).toEqual(['early', 'sameStartLonger', 'late']);
    expect(ids(groups.detached)).toEqual(['gone']);
  });

  it('keeps threads of unknown place after the placed ones, oldest first', () => {
    const groups = groupThreads([thread('b', 2), thread('a', 1), thread('placed', 3)], (entry) =>
      entry.id === 'placed' ? { from: 50, to: 52, quote: '' } : 'unknown',
    );
    expect(ids(groups.passages)).toEqual(['placed', 'a', 'b']);
  });

  it('orders threads on the same range by creation', () => {
    const same: PassagePlace = { from: 1, to: 4, quote: 'abc' };
    const groups = groupThreads([thread('second', 2), thread('first', 1)], () => same);
    expect(ids(groups.passages)).toEqual(['first', 'second']);
  });
});

describe('filters', () => {
  it('count and match open, resolved and all threads', () => {
    const threads = [thread('a', 1), thread('b', 2, true, true), thread('c', 3, false)];
    expect(countByFilter(threads)).toEqual({ open: 2, resolved: 1, all: 3 });
    expect(threads.filter((entry) => matchesFilter(entry, 'open')).map((entry) => entry.id)).toEqual([
      'a',
      'c',
    ]);
    expect(threads.filter((entry) => matchesFilter(entry, 'resolved')).map((entry) => entry.id)).toEqual([
      'b',
    ]);
    expect(threads.filter((entry) => matchesFilter(entry, 'all'))).toHaveLength(3);
  });
});
