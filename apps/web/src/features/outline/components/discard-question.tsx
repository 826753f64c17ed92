import { useEffect, useId, useRef } from 'react';
import { useT } from '../../../i18n';
import { Button } from '../../../ui';
import type { SectionForm } from '../hooks/use-section-tools';

export interface DiscardQuestionProps {
  /** The forms that hold unsaved changes. */
  forms: readonly SectionForm[];
  onDiscard: () => void;
  /** Back to the forms; the caller puts the focus there. */
  onKeep: () => void;
}

/**
 * "Nicht gespeicherte Änderungen verwerfen?" in place, at the top of a section's tools, when the
 * lead closes them (or opens another section's) with changes not saved. The focus moves to
 * the question's safe answer, so that a second Enter keeps the work rather than dropping it;
 * Escape keeps it too.
 */
export function DiscardQuestion({ forms, onDiscard, onKeep }: DiscardQuestionProps) {
  const t = useT();
  const questionId = useId();
  const detailId = useId();
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    keep.current?.focus();
  }, []);
  return (
    <div
      className="outline-editor__discard"
      role="group"
      aria-labelledby={questionId}
      aria-describedby={detailId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onKeep();
        }
      }}
    >
      <p className="outline-editor__discard-question" id={questionId}>
        {t('outline.discard.question')}
      </p>
      <p className="outline-editor__discard-detail" id={detailId}>
        {t(
          forms.length > 1
            ? 'outline.discard.detail.both'
            : `outline.discard.detail.${forms[0] ?? 'settings'}`,
        )}
      </p>
      <div className="outline-editor__discard-actions">
        <Button ref={keep} variant="primary" size="small" onClick={onKeep}>
          {t('outline.discard.keep')}
        </Button>
        <Button variant="danger-outline" size="small" onClick={onDiscard}>
          {t('outline.discard.confirm')}
        </Button>
      </div>
    </div>
  );
}
