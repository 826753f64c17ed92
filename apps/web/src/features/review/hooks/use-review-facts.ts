import type { Section, Transition } from '@kapitel/domain';
import { useResource } from '../../../lib/use-resource';
import { listMembers } from '../../members';
import { listTransitions } from '../api/review-api';

/** What the "Prüfung" card tells beyond the buttons. */
export interface ReviewFacts {
  /** The request of the current round of changes (who, when, the note); null in every other state. */
  changeRequest: Transition | null;
  /**
   * Who the section waits for in review; null when no reviewer is named (the lead decides),
   * undefined while the members load (so that the card does not name the lead first).
   */
  reviewerName: string | null | undefined;
}

/**
 * Loads what the card needs only in the state that shows it: the history while changes are
 * requested (its last request is the one the author works on), the members while a named
 * reviewer has the section. Each loads again when the section enters the state anew: a second
 * request always follows a resubmission, so the state changes in between.
 */
export function useReviewFacts(projectId: string, section: Section | undefined): ReviewFacts {
  const sectionId = section?.id ?? '';
  const state = section?.state;
  const reviewerId = state === 'in_review' ? (section?.reviewerId ?? null) : null;
  const history = useResource(
    (signal) =>
      state === 'changes_requested' ? listTransitions(projectId, sectionId, { signal }) : Promise.resolve([]),
    [projectId, sectionId, state],
  );
  const members = useResource(
    (signal) => (reviewerId === null ? Promise.resolve([]) : listMembers(projectId, { signal })),
    [projectId, reviewerId],
  );
  const changeRequest =
    state === 'changes_requested'
      ? (history.resource.data?.findLast((step) => step.action === 'request_changes') ?? null)
      : null;
  // A reviewer who is no member any more decides nothing: the card then names the lead.
  const reviewerName =
    reviewerId !== null && members.resource.data === undefined
      ? undefined
      : (members.resource.data?.find((member) => member.userId === reviewerId)?.name ?? null);
  return { changeRequest, reviewerName };
}
