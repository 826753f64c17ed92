import { nextReviewState, REVIEW_ACTIONS, REVIEW_STATES, type ReviewAction, type ReviewState } from './review-state.js';

const LEGAL: Array<[ReviewState, ReviewAction, ReviewState]> = [
  ['draft', 'submit', 'in_review'],
  ['changes_requested', 'submit', 'in_review'],
  ['in_review', 'request_changes', 'changes_requested'],
  ['in_review', 'approve', 'approved'],
  ['approved', 'reopen', 'draft'],
];

describe('nextReviewState()', () => {
  it.each(LEGAL)('moves %s by %s to %s', (from, action, to) => {
    expect(nextReviewState(from, action)).toBe(to);
  });

  it('refuses every other combination of state and action', () => {
    for (const state of REVIEW_STATES) {
      for (const action of REVIEW_ACTIONS) {
        const legal = LEGAL.some(([from, a]) => from === state && a === action);
        if (!legal) {
          expect({ state, action, next: nextReviewState(state, action) }).toEqual({ state, action, next: null });
        }
      }
    }
  });
});
