/** Review states of a section; see ARCHITECTURE.md. */
export const REVIEW_STATES = ['draft', 'in_review', 'changes_requested', 'approved'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const REVIEW_ACTIONS = ['submit', 'request_changes', 'approve', 'reopen', 'withdraw'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

const TRANSITIONS: Record<ReviewAction, { from: readonly ReviewState[]; to: ReviewState }> = {
  submit: { from: ['draft', 'changes_requested'], to: 'in_review' },
  request_changes: { from: ['in_review'], to: 'changes_requested' },
  approve: { from: ['in_review'], to: 'approved' },
  reopen: { from: ['approved'], to: 'draft' },
  // The author takes a submission back before anyone decided on it, to go on writing.
  withdraw: { from: ['in_review'], to: 'draft' },
};

/**
 * The state a section reaches when `action` is applied in `state`, or null when the
 * transition is illegal (for example approving a draft).
 */
export function nextReviewState(state: ReviewState, action: ReviewAction): ReviewState | null {
  const rule = TRANSITIONS[action];
  return rule.from.includes(state) ? rule.to : null;
}

/** True when `value` names a review state. */
export function isReviewState(value: unknown): value is ReviewState {
  return typeof value === 'string' && (REVIEW_STATES as readonly string[]).includes(value);
}

/**
 * A reviewer's verdict on a section in review: checked, no objections. It is recorded in the
 * section's history like a transition but leaves the state alone (the lead still approves).
 */
export const NO_OBJECTIONS = 'no_objections';

/** Everything a section's history records: the transitions and the reviewers' verdicts. */
export const REVIEW_STEPS = [...REVIEW_ACTIONS, NO_OBJECTIONS] as const;
export type ReviewStep = (typeof REVIEW_STEPS)[number];

/**
 * The state after `step` in `state`, or null when the step is illegal there. A verdict is
 * legal only in review and keeps the state; every other step is `nextReviewState()`.
 */
export function stepReviewState(state: ReviewState, step: ReviewStep): ReviewState | null {
  if (step === NO_OBJECTIONS) {
    return state === 'in_review' ? state : null;
  }
  return nextReviewState(state, step);
}

/**
 * The state a section is in after its recorded steps, replayed from `draft`; null when
 * the history contains a step that was never legal. The stored history must always replay
 * to the stored state.
 */
export function replayReviewHistory(steps: readonly ReviewStep[]): ReviewState | null {
  let state: ReviewState | null = 'draft';
  for (const step of steps) {
    if (state === null) {
      return null;
    }
    state = stepReviewState(state, step);
  }
  return state;
}

/** True when `value` names a review action. */
export function isReviewAction(value: unknown): value is ReviewAction {
  return typeof value === 'string' && (REVIEW_ACTIONS as readonly string[]).includes(value);
}
