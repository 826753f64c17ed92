import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../../i18n';
import { Button } from '../../../ui';
import type { ApprovalConcerns } from '../api/review-api';

export interface ApprovalCheckProps {
  concerns: ApprovalConcerns;
  /** The section's reviewer by name (null: the account is gone; undefined: the members are not loaded). */
  reviewerName: string | null | undefined;
  /** Rejects when the approval failed; the panel shows why. */
  onConfirm: () => Promise<void>;
  onCancel: () => void;
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

/**
 * "Really approve?" in place, naming why the lead might not want to: the question and the
 * reasons label and describe the group, focus goes to the confirm button, Escape cancels.
 */
export function ApprovalCheck({ concerns, reviewerName, onConfirm, onCancel }: ApprovalCheckProps) {
  const t = useT();
  const questionId = useId();
  const reasonsId = useId();
  const confirm = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    confirm.current?.focus();
  }, []);

  return (
    <div
      className="review-confirm"
      role="group"
      aria-labelledby={questionId}
      aria-describedby={reasonsId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) {
          onCancel();
        }
      }}
    >
      <p className="review-confirm__question" id={questionId}>
        {t('review.approveCheck.question')}
      </p>
      <ul className="review-confirm__reasons" id={reasonsId}>
        {concernTexts(concerns, t, reviewerName).map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
      <div className="form-actions">
        <Button
          ref={confirm}
          busy={busy}
          onClick={() => {
            setBusy(true);
            onConfirm()
              .catch(() => undefined)
              .finally(() => {
                setBusy(false);
              });
          }}
        >
          {t('review.approveCheck.confirm')}
        </Button>
        <Button variant="ghost" disabled={busy} onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}
