import { useT } from '../../../i18n';
import type { ApprovalConcerns } from '../api/review-api';
import { StepCheck } from './step-check';

export interface ApprovalCheckProps {
  concerns: ApprovalConcerns;
  /** The section's reviewer by name (null: the account is gone; undefined: the members are not loaded). */
  reviewerName: string | null | undefined;
  /** Who may write the section and has it open now, by name. */
  writers: readonly string[];
  /** Rejects when the approval failed; the panel shows why. */
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}

/**
 * That others who may write have the section open: a step that ends writing (submit,
 * approve) drops what they typed and the server has not stored yet.
 */
export function writingTexts(writers: readonly string[], t: ReturnType<typeof useT>): string[] {
  return writers.length === 0 ? [] : [t('review.writing', { names: writers.join(', ') })];
}

/** The reasons an approval is probably a mistake, in words; empty when there are none. */
export function concernTexts(concerns: ApprovalConcerns, t: ReturnType<typeof useT>, reviewerName: string | null | undefined): string[] {
  const texts: string[] = [];
  if (concerns.reviewerPending) {
    texts.push(
      typeof reviewerName === 'string'
        ? t('review.approveCheck.reviewerPending', { name: reviewerName })
        : t('review.approveCheck.reviewerPendingUnnamed'),
    );
  }
  if (concerns.openThreads === 1) {
    texts.push(t('review.approveCheck.openComments.one'));
  } else if (concerns.openThreads > 1) {
    texts.push(t('review.approveCheck.openComments.other', { count: concerns.openThreads }));
  }
  if (!concerns.hasText) {
    texts.push(t('review.approveCheck.noText'));
  }
  return texts;
}

/** "Trotzdem freigeben?" with the reasons against an approval now. */
export function ApprovalCheck({ concerns, reviewerName, writers, onConfirm, onCancel }: ApprovalCheckProps) {
  const t = useT();
  return (
    <StepCheck
      question={t('review.approveCheck.question')}
      reasons={[...concernTexts(concerns, t, reviewerName), ...writingTexts(writers, t)]}
      confirmLabel={t('review.approveCheck.confirm')}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
