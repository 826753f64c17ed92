import { describe, expect, it } from '@jest/globals';
import { diffWords } from '@kapitel/domain';
import { shortened } from './shortened';

const LIMITS = { maxTokens: 4000, maxEdits: 800 };
const words = (from: number, to: number): string =>
  Array.from({ length: to - from + 1 }, (_, i) => `w${String(from + i)}`).join(' ');

describe('shortened', () => {
  it('cuts long unchanged stretches to a few words around the change', () => {
    const before = `${words(1, 30)} alt ${words(31, 60)}`;
    const after = `${words(1, 30)} neu ${words(31, 60)}`;
    expect(shortened(diffWords(before, after, LIMITS).segments)).toEqual([
      { op: 'equal', text: `… ${words(25, 30)} ` },
      { op: 'delete', text: 'alt' },
      { op: 'insert', text: 'neu' },
      { op: 'equal', text: ` ${words(31, 36)} …` },
    ]);
  });

  it('keeps short passages and every changed word whole', () => {
    const segments = diffWords('Die Stadt nutzt Open Source.', 'Die Stadt nutzt freie Software.', LIMITS).segments;
    expect(shortened(segments)).toEqual(segments);
    const long = { op: 'insert' as const, text: words(1, 100) };
    expect(shortened([long])).toEqual([long]);
  });
});
