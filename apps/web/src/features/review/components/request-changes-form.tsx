import { LIMITS } from '@kapitel/domain';
import { issueText, useT } from '../../../i18n';
import { useForm } from '../../../lib/use-form';
import { rules } from '../../../lib/validation';
import { Button, TextAreaField } from '../../../ui';

export interface RequestChangesFormProps {
  /** Rejects when the step failed; the panel shows why. */
  onSubmit: (note: string) => Promise<void>;
  onCancel: () => void;
}

/** The note a reviewer must give when asking for changes: authors need to know what to change. */
export function RequestChangesForm({ onSubmit, onCancel }: RequestChangesFormProps) {
  const t = useT();
  const form = useForm(
    { note: '' },
    { note: [rules.required(), rules.maxLength(LIMITS.transitionNoteMaxLength)] },
  );

  const submit = form.onSubmit(async (values) => {
    await onSubmit(values.note.trim());
  });

  return (
    <form
      className="review-note-form"
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          onCancel();
        }
      }}
    >
      <TextAreaField
        {...form.field('note')}
        // The form appears on request: the note is what the user came to write.
        autoFocus
        label={t('review.note')}
        hint={t('review.noteHint')}
        required
        rows={4}
        error={issueText(t, form.issues.note)}
      />
      <div className="form-actions">
        <Button type="submit" busy={form.submitting}>
          {t('reviewAction.request_changes')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
