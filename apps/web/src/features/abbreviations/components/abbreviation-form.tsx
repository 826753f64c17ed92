import type { Abbreviation } from '@kapitel/domain';
import { useRef } from 'react';
import { ErrorAlert, issueText, useT } from '../../../i18n';
import { useForm } from '../../../lib/use-form';
import { Button, TextField } from '../../../ui';
import { createAbbreviation } from '../api/abbreviations-api';
import { normaliseFieldText } from '../../../lib/validation';
import { abbreviationRules } from '../utils/abbreviation-list';

export interface AbbreviationFormProps {
  projectId: string;
  /** The list as shown: an abbreviation in it is refused at the field before a request. */
  list: readonly Abbreviation[];
  /** The report's language, which the entries are written in. */
  language: string;
  /** Called on every submit, also one the form refuses, so that an older notice goes. */
  onSubmitting: () => void;
  onAdded: (entry: Abbreviation) => void;
}

/**
 * Adds an abbreviation: two labelled fields and a button. Problems are said at their field
 * (an abbreviation the list has already too, ABBREVIATION_EXISTS, also when the server finds
 * it); once added the fields are empty again and the focus is back in the first, for the next.
 */
export function AbbreviationForm({
  projectId,
  list,
  language,
  onSubmitting,
  onAdded,
}: AbbreviationFormProps) {
  const t = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm({ short: '', long: '' }, abbreviationRules(list, null), {
    ABBREVIATION_EXISTS: 'short',
  });

  const send = form.onSubmit(async (values) => {
    const entry = await createAbbreviation(projectId, {
      short: normaliseFieldText(values.short),
      long: normaliseFieldText(values.long),
    });
    form.reset();
    onAdded(entry);
    const first = formRef.current?.elements.namedItem('short');
    if (first instanceof HTMLElement) {
      first.focus();
    }
  });

  const submit = (event: Parameters<typeof send>[0]): void => {
    onSubmitting();
    send(event);
  };

  return (
    <form
      ref={formRef}
      className="abbreviation-form"
      noValidate
      onSubmit={submit}
      aria-label={t('abbreviations.addTitle')}
    >
      <ErrorAlert error={form.summaryError} otherDetails={form.otherDetails} />
      <div className="abbreviation-form__fields">
        <TextField
          {...form.field('short')}
          className="abbreviation-form__short"
          label={t('abbreviations.short')}
          hint={t('abbreviations.shortHint')}
          lang={language}
          autoComplete="off"
          spellCheck={false}
          required
          error={issueText(t, form.issues.short)}
        />
        <TextField
          {...form.field('long')}
          label={t('abbreviations.long')}
          hint={t('abbreviations.longHint')}
          lang={language}
          autoComplete="off"
          required
          error={issueText(t, form.issues.long)}
        />
      </div>
      <div className="form-actions">
        <Button type="submit" busy={form.submitting}>
          {t('abbreviations.add')}
        </Button>
      </div>
    </form>
  );
}
