import { LIMITS } from '@kapitel/domain';
import { useId } from 'react';
import { issueText, useT } from '../../../i18n';
import { useForm } from '../../../lib/use-form';
import { rules } from '../../../lib/validation';
import { Button, TextAreaField } from '../../../ui';

export interface StepNoteFormProps {
  /** A question the form answers (reopen: "really?"), shown above the field and naming the form. */
  question?: string;
  /** The note is the point of the step (request changes) or an optional word (no objections, reopen). */
  required: boolean;
  label: string;
  /** What the step does and who sees the note; read with the field. */
  hint: string;
  submitLabel: string;
  /** Rejects when the step failed; the panel shows why. */
  onSubmit: (note: string) => Promise<void>;
  onCancel: () => void;
}

/**
 * A review step that takes a note before it is sent: the changes an author is asked for, a
 * reviewer's word with "no objections", the reason of a reopen. Escape cancels.
 */
export function StepNoteForm({
  question,
  required,
  label,
  hint,
  submitLabel,
  onSubmit,
  onCancel,
}: StepNoteFormProps) {
  const t = useT();
  const questionId = useId();
  const maxLength = rules.maxLength(LIMITS.transitionNoteMaxLength);
  const form = useForm({ note: '' }, { note: required ? [rules.required(), maxLength] : [maxLength] });

  const submit = form.onSubmit(async (values) => {
    await onSubmit(values.note.trim());
  });

  return (
    <form
      className="review-note-form"
      aria-labelledby={question === undefined ? undefined : questionId}
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          onCancel();
        }
      }}
    >
      {question === undefined ? null : (
        <p className="review-confirm__question" id={questionId}>
          {question}
        </p>
      )}
      <TextAreaField
        {...form.field('note')}
        // The form appears on request: the note is what the user came to write.
        autoFocus
        label={label}
        hint={hint}
        required={required}
        rows={required ? 4 : 3}
        error={issueText(t, form.issues.note)}
      />
      <div className="form-actions">
        <Button type="submit" busy={form.submitting}>
          {submitLabel}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
