import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../../i18n';
import { Button } from '../../../ui';

export interface StepCheckProps {
  question: string;
  /** Why the step is probably a mistake now, one sentence each. */
  reasons: readonly string[];
  confirmLabel: string;
  /** Rejects when the step failed; the panel shows why. */
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}

/**
 * "Really?" in place before a review step, naming why the person might not want to take it:
 * the question and the reasons label and describe the group, focus goes to the confirm
 * button, Escape cancels.
 */
export function StepCheck({ question, reasons, confirmLabel, onConfirm, onCancel }: StepCheckProps) {
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
        {question}
      </p>
      <ul className="review-confirm__reasons" id={reasonsId}>
        {reasons.map((text) => (
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
          {confirmLabel}
        </Button>
        <Button variant="ghost" disabled={busy} onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}
