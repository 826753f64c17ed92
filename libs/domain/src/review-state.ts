/** Review states of a section; see ARCHITECTURE.md. */
export const REVIEW_STATES = ['draft', 'in_review', 'changes_requested', 'approved'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const REVIEW_ACTIONS = ['submit', 'request_changes', 'approve', 'reopen'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

const TRANSITIONS: Record<ReviewAction, { from: readonly ReviewState[]; to: ReviewState }> = {
  submit: { from: ['draft', 'changes_requested'], to: 'in_review' },
  request_changes: { from: ['in_review'], to: 'changes_requested' },
  approve: { from: ['in_review'], to: 'approved' },
  reopen: { from: ['approved'], to: 'draft' },
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
 * The state a section is in after its recorded actions, replayed from `draft`; null when
 * the history contains a step that was never legal. The stored history must always replay
 * to the stored state.
 */
export function replayReviewHistory(actions: readonly ReviewAction[]): ReviewState | null {
  let state: ReviewState | null = 'draft';
  for (const action of actions) {
    if (state === null) {
      return null;
    }
    state = nextReviewState(state, action);
  }
  return state;
}

/** True when `value` names a review action. */
export function isReviewAction(value: unknown): value is ReviewAction {
  return typeof value === 'string' && (REVIEW_ACTIONS as readonly string[]).includes(value);
}
