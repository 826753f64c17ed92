import type { Member, Section, Transition } from '@kapitel/domain';

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
 * The card's facts from what the section page has loaded anyway (and reloads on the stream's
 * changes): its history, whose last request for changes is the one the author works on, and
 * the members, who name the reviewer. `undefined`: not loaded yet.
 */
export function reviewFacts(
  section: Section,
  history: readonly Transition[] | undefined,
  members: readonly Member[] | undefined,
): ReviewFacts {
  const changeRequest =
    section.state === 'changes_requested'
      ? (history?.findLast((step) => step.action === 'request_changes') ?? null)
      : null;
  const reviewerId = section.state === 'in_review' ? section.reviewerId : null;
  // A reviewer who is no member any more decides nothing: the card then names the lead.
  const reviewerName =
    reviewerId === null
      ? null
      : members === undefined
        ? undefined
        : (members.find((member) => member.userId === reviewerId)?.name ?? null);
  return { changeRequest, reviewerName };
}
