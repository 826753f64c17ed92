import { ErrorAlert, issueText, useT } from '../../../i18n';
import { useForm } from '../../../lib/use-form';
import { rules } from '../../../lib/validation';
import { Button, TextField } from '../../../ui';
import type { SectionVersion } from '@kapitel/domain';
import { createVersion, VERSION_LABEL_MAX_LENGTH } from '../api/versions-api';

export interface SaveVersionFormProps {
  projectId: string;
  sectionId: string;
  onSaved: (version: SectionVersion) => void;
}

/**
 * Stores the text as it is now under a label. Checked here first; the server stays
 * authoritative and its validation details appear at the field.
 */
export function SaveVersionForm({ projectId, sectionId, onSaved }: SaveVersionFormProps) {
  const t = useT();
  const form = useForm(
    { label: '' },
    { label: [rules.required(), rules.maxLength(VERSION_LABEL_MAX_LENGTH)] },
  );

  const submit = form.onSubmit(async (values) => {
    const saved = await createVersion(projectId, sectionId, values.label.trim());
    form.reset();
    onSaved(saved);
  });

  return (
    <form noValidate onSubmit={submit} className="version-form">
      <ErrorAlert error={form.error} otherDetails={form.otherDetails} />
      <div className="version-form__row">
        <TextField
          {...form.field('label')}
          label={t('versions.field.label')}
          hint={t('versions.field.labelHint', { max: VERSION_LABEL_MAX_LENGTH })}
          required
          autoComplete="off"
          error={issueText(t, form.issues.label)}
        />
        <Button type="submit" busy={form.submitting}>
          {t('versions.save')}
        </Button>
      </div>
    </form>
  );
}
