import { describe, expect, it } from '@jest/globals';
import { viewItems } from './collapse';

describe('viewItems()', () => {
  it('folds long unchanged stretches, keeping one block of context around each change', () => {
    const changed = [false, false, false, false, true, false, false, false, false, false, true, false];
    expect(viewItems(changed, new Set())).toEqual([
      { kind: 'collapsed', start: 0, count: 3 },
      { kind: 'block', index: 3 },
      { kind: 'block', index: 4 },
      { kind: 'block', index: 5 },
      { kind: 'collapsed', start: 6, count: 3 },
      { kind: 'block', index: 9 },
      { kind: 'block', index: 10 },
      { kind: 'block', index: 11 },
    ]);
  });

  it('shows a folded stretch once it is expanded', () => {
    const changed = [false, false, false, true];
    expect(viewItems(changed, new Set([0]))).toEqual([0, 1, 2, 3].map((index) => ({ kind: 'block', index })));
  });

  it('does not fold a single unchanged block', () => {
    expect(viewItems([true, false, false, false, true], new Set())).toEqual(
      [0, 1, 2, 3, 4].map((index) => ({ kind: 'block', index })),
    );
  });

  it('folds an unchanged text whole', () => {
    expect(viewItems([false, false, false], new Set())).toEqual([{ kind: 'collapsed', start: 0, count: 3 }]);
    expect(viewItems([], new Set())).toEqual([]);
  });
});
