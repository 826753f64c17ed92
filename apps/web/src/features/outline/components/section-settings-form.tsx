import { LIMITS, type OutlineNode, type Section } from '@kapitel/domain';
import { useState } from 'react';
import { ErrorAlert, issueText, useT } from '../../../i18n';
import { useForm } from '../../../lib/use-form';
import { rules } from '../../../lib/validation';
import { Button, CheckboxField, TextField } from '../../../ui';
import { updateSection } from '../api/outline-api';

export interface SectionSettingsFormProps {
  projectId: string;
  section: OutlineNode;
  onSaved: (section: Section) => void;
}

/** Rename a section and choose whether it carries a number. */
export function SectionSettingsForm({ projectId, section, onSaved }: SectionSettingsFormProps) {
  const t = useT();
  const [numbered, setNumbered] = useState(section.numbered);
  const form = useForm(
    { title: section.title },
    { title: [rules.required(), rules.maxLength(LIMITS.sectionTitleMaxLength)] },
  );

  const submit = form.onSubmit(async (values) => {
    onSaved(await updateSection(projectId, section.id, { title: values.title.trim(), numbered }));
  });

  return (
    <form noValidate onSubmit={submit} className="outline-editor__form">
      <h3 className="outline-editor__heading">{t('outline.settings')}</h3>
      <ErrorAlert error={form.error} otherDetails={form.otherDetails} />
      <TextField
        {...form.field('title')}
        label={t('outline.field.title')}
        required
        autoComplete="off"
        error={issueText(t, form.issues.title)}
      />
      <CheckboxField
        name="numbered"
        label={t('outline.field.numbered')}
        hint={t('outline.field.numberedHint')}
        checked={numbered}
        onChange={(event) => {
          setNumbered(event.target.checked);
        }}
      />
      <div className="form-actions">
        <Button type="submit" size="small" busy={form.submitting}>
          {t('outline.saveSettings')}
        </Button>
      </div>
    </form>
  );
}
