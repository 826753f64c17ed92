import {
  isReviewAction,
  nextReviewState,
  replayReviewHistory,
  REVIEW_ACTIONS,
  REVIEW_STATES,
  REVIEW_STEPS,
  stepReviewState,
  type ReviewAction,
  type ReviewState,
} from './review-state.js';

const LEGAL: Array<[ReviewState, ReviewAction, ReviewState]> = [
  ['draft', 'submit', 'in_review'],
  ['changes_requested', 'submit', 'in_review'],
  ['in_review', 'request_changes', 'changes_requested'],
  ['in_review', 'approve', 'approved'],
  ['approved', 'reopen', 'draft'],
  ['in_review', 'withdraw', 'draft'],
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

describe('stepReviewState()', () => {
  it('allows "no objections" only in review, and keeps the section in review', () => {
    for (const state of REVIEW_STATES) {
      const expected = state === 'in_review' ? 'in_review' : null;
      expect({ state, next: stepReviewState(state, 'no_objections') }).toEqual({ state, next: expected });
    }
  });

  it('answers every transition as nextReviewState() does', () => {
    for (const state of REVIEW_STATES) {
      for (const action of REVIEW_ACTIONS) {
        expect(stepReviewState(state, action)).toBe(nextReviewState(state, action));
      }
    }
  });

  it('knows the five transitions and the verdict as the steps of a history', () => {
    expect(REVIEW_STEPS).toEqual(['submit', 'request_changes', 'approve', 'reopen', 'withdraw', 'no_objections']);
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

  it('follows a submission withdrawn and submitted again', () => {
    expect(replayReviewHistory(['submit', 'withdraw'])).toBe('draft');
    expect(replayReviewHistory(['submit', 'no_objections', 'withdraw', 'submit', 'approve'])).toBe('approved');
    expect(replayReviewHistory(['submit', 'request_changes', 'submit', 'withdraw'])).toBe('draft');
  });

  it('reports a withdrawal of what is not in review as an illegal step', () => {
    expect(replayReviewHistory(['withdraw'])).toBeNull();
    expect(replayReviewHistory(['submit', 'request_changes', 'withdraw'])).toBeNull();
    expect(replayReviewHistory(['submit', 'approve', 'withdraw'])).toBeNull();
  });

  it('reports a history containing an illegal step as null', () => {
    expect(replayReviewHistory(['approve'])).toBeNull();
    expect(replayReviewHistory(['submit', 'submit', 'approve'])).toBeNull();
  });

  it('replays verdicts recorded in review without changing the state', () => {
    expect(replayReviewHistory(['submit', 'no_objections'])).toBe('in_review');
    expect(replayReviewHistory(['submit', 'no_objections', 'no_objections', 'approve', 'reopen'])).toBe('draft');
    expect(replayReviewHistory(['submit', 'no_objections', 'request_changes', 'submit'])).toBe('in_review');
  });

  it('reports a verdict outside review as an illegal step', () => {
    expect(replayReviewHistory(['no_objections'])).toBeNull();
    expect(replayReviewHistory(['submit', 'approve', 'no_objections'])).toBeNull();
    expect(replayReviewHistory(['submit', 'request_changes', 'no_objections'])).toBeNull();
  });
});

describe('isReviewAction()', () => {
  it('recognises the five actions and nothing else', () => {
    expect(REVIEW_ACTIONS.every(isReviewAction)).toBe(true);
    expect(['publish', 'SUBMIT', '', null, 3].some(isReviewAction)).toBe(false);
  });
});
