import type { ReviewState, SectionAbilities } from '@kapitel/domain';

/** A sentence of the "Prüfung" card: its message key and what it names. */
export type Standing =
  | { key: 'review.standing.draft' }
  | { key: 'review.standing.inReviewBy'; name: string }
  | { key: 'review.standing.inReviewByLead' }
  | { key: 'review.standing.canWithdraw' }
  | { key: 'review.standing.revise' }
  | { key: 'review.standing.beingRevised' }
  | { key: 'review.standing.approved' };

/**
 * Where the section stands and what happens next, for a caller whose abilities hold no step
 * that moves it on: whoever has one sees the button instead. In review, the sentence names who
 * decides (the named reviewer, else the project lead) and, for whoever submitted, that they may
 * withdraw; after changes were requested, the caller who resubmits is told to revise first.
 */
export function reviewStanding(
  state: ReviewState,
  abilities: SectionAbilities,
  reviewerName: string | null,
): Standing[] {
  const decides =
    abilities['review.request_changes'] || abilities['review.approve'] || abilities['review.no_objections'];
  switch (state) {
    case 'draft':
      return abilities['review.submit'] ? [] : [{ key: 'review.standing.draft' }];
    case 'in_review': {
      if (decides) {
        return [];
      }
      const where: Standing =
        reviewerName === null
          ? { key: 'review.standing.inReviewByLead' }
          : { key: 'review.standing.inReviewBy', name: reviewerName };
      return abilities['review.withdraw'] ? [where, { key: 'review.standing.canWithdraw' }] : [where];
    }
    case 'changes_requested':
      return [
        { key: abilities['review.submit'] ? 'review.standing.revise' : 'review.standing.beingRevised' },
      ];
    case 'approved':
      return abilities['review.reopen'] ? [] : [{ key: 'review.standing.approved' }];
  }
}
