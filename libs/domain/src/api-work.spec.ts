import { isMySection } from './api-work.js';
import { REVIEW_STATES } from './review-state.js';

const ME = 'me';

describe('isMySection()', () => {
  it.each(REVIEW_STATES)('counts a section assigned to the person in every state (%s)', (state) => {
    expect(isMySection({ assigneeIds: ['other', ME], reviewerId: null, state }, ME)).toBe(true);
  });

  it('counts a section the person reviews only while it is in review', () => {
    const states = REVIEW_STATES.filter((state) =>
      isMySection({ assigneeIds: [], reviewerId: ME, state }, ME),
    );
    expect(states).toEqual(['in_review']);
  });

  it('does not count sections of others, whoever reviews them', () => {
    expect(isMySection({ assigneeIds: ['other'], reviewerId: 'someone', state: 'in_review' }, ME)).toBe(
      false,
    );
    expect(isMySection({ assigneeIds: [], reviewerId: null, state: 'draft' }, ME)).toBe(false);
  });
});
