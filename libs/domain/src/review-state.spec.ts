import {
  isReviewAction,
  nextReviewState,
  replayReviewHistory,
  REVIEW_ACTIONS,
  REVIEW_STATES,
  type ReviewAction,
  type ReviewState,
} from './review-state.js';

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

describe('replayReviewHistory()', () => {
  it('starts every section in draft', () => {
    expect(replayReviewHistory([])).toBe('draft');
  });

  it('follows a full review round with changes requested', () => {
    expect(replayReviewHistory(['submit', 'request_changes', 'submit', 'approve'])).toBe('approved');
    expect(replayReviewHistory(['submit', 'approve', 'reopen'])).toBe('draft');
  });

  it('reports a history containing an illegal step as null', () => {
    expect(replayReviewHistory(['approve'])).toBeNull();
    expect(replayReviewHistory(['submit', 'submit', 'approve'])).toBeNull();
  });
});

describe('isReviewAction()', () => {
  it('recognises the four actions and nothing else', () => {
    expect(REVIEW_ACTIONS.every(isReviewAction)).toBe(true);
    expect(['publish', 'SUBMIT', '', null, 3].some(isReviewAction)).toBe(false);
  });
});
