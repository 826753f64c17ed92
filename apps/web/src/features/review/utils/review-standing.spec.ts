import { describe, expect, it } from '@jest/globals';
import { sectionAbilities, type ReviewState, type Role } from '@kapitel/domain';
import { reviewStanding } from './review-standing';

const abilities = (role: Role, reviewState: ReviewState, isAssignee = false) =>
  sectionAbilities(role, { reviewState, isAssignee });

describe('reviewStanding()', () => {
  it('tells the assigned author in review who decides, and that they may withdraw', () => {
    expect(reviewStanding('in_review', abilities('author', 'in_review', true), 'Rita Prüfer')).toEqual([
      { key: 'review.standing.inReviewBy', name: 'Rita Prüfer' },
      { key: 'review.standing.canWithdraw' },
    ]);
  });

  it('names the project lead in review when no reviewer is named, without withdrawing for a reader', () => {
    expect(reviewStanding('in_review', abilities('reader', 'in_review'), null)).toEqual([
      { key: 'review.standing.inReviewByLead' },
    ]);
  });

  it('says nothing to whoever decides in review: their buttons speak', () => {
    expect(reviewStanding('in_review', abilities('lead', 'in_review'), 'Rita Prüfer')).toEqual([]);
    expect(reviewStanding('in_review', abilities('reviewer', 'in_review'), 'Rita Prüfer')).toEqual([]);
  });

  it('tells who may submit a draft nothing, and everyone else that the assignees submit it', () => {
    expect(reviewStanding('draft', abilities('author', 'draft', true), null)).toEqual([]);
    for (const role of ['reader', 'reviewer', 'author'] as const) {
      expect(reviewStanding('draft', abilities(role, 'draft'), null)).toEqual([
        { key: 'review.standing.draft' },
      ]);
    }
  });

  it('asks the assignee to revise after changes were requested, and tells the others it is being revised', () => {
    expect(reviewStanding('changes_requested', abilities('author', 'changes_requested', true), null)).toEqual(
      [{ key: 'review.standing.revise' }],
    );
    expect(reviewStanding('changes_requested', abilities('reviewer', 'changes_requested'), null)).toEqual([
      { key: 'review.standing.beingRevised' },
    ]);
  });

  it('tells everyone but a lead that an approved section can be reopened by the lead', () => {
    expect(reviewStanding('approved', abilities('lead', 'approved'), null)).toEqual([]);
    for (const role of ['reader', 'reviewer', 'author'] as const) {
      expect(reviewStanding('approved', abilities(role, 'approved', true), null)).toEqual([
        { key: 'review.standing.approved' },
      ]);
    }
  });
});
