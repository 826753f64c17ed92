import { LIMITS, type OutlineNode, type Section } from '@kapitel/domain';
import { useEffect, useState, type Ref } from 'react';
import { ErrorAlert, issueText, useT } from '../../../i18n';
import { useForm } from '../../../lib/use-form';
import { rules } from '../../../lib/validation';
import { CheckboxField, TextField } from '../../../ui';
import { updateSection } from '../api/outline-api';
import { settingsChanged, settingsOf } from '../utils/section-changes';
import { FormSaveBar } from './form-save-bar';

export interface SectionSettingsFormProps {
  projectId: string;
  section: OutlineNode;
  onSaved: (section: Section) => void;
  /** Called when the form comes to hold unsaved changes, or no longer does. */
  onUnsavedChange: (unsaved: boolean) => void;
  saveButtonRef?: Ref<HTMLButtonElement>;
}

/** Rename a section and choose whether it carries a number. */
export function SectionSettingsForm({
  projectId,
  section,
  onSaved,
  onUnsavedChange,
  saveButtonRef,
}: SectionSettingsFormProps) {
  const t = useT();
  const [numbered, setNumbered] = useState(section.numbered);
  // What the form was opened with or last saved: the outline reloads after a save, and a
  // change by someone else meanwhile must not look like the lead's own unsaved change.
  const [saved, setSaved] = useState(() => settingsOf(section));
  const [nothingToSave, setNothingToSave] = useState(false);
  const form = useForm(
    { title: section.title },
    { title: [rules.required(), rules.maxLength(LIMITS.sectionTitleMaxLength)] },
  );
  const unsaved = settingsChanged(saved, { title: form.values.title, numbered });
  useEffect(() => {
    onUnsavedChange(unsaved);
    // A closed form holds nothing: whatever closed it, the tools must not ask about it later.
    return () => {
      onUnsavedChange(false);
    };
  }, [unsaved, onUnsavedChange]);

  const submit = form.onSubmit(async (values) => {
    if (!settingsChanged(saved, { title: values.title, numbered })) {
      setNothingToSave(true);
      return;
    }
    const updated = await updateSection(projectId, section.id, { title: values.title.trim(), numbered });
    setSaved(settingsOf(updated));
    onSaved(updated);
  });
  const title = form.field('title');

  return (
    <form noValidate onSubmit={submit} className="outline-editor__form">
      <h3 className="outline-editor__heading">{t('outline.settings')}</h3>
      <ErrorAlert error={form.error} otherDetails={form.otherDetails} />
      <TextField
        {...title}
        onChange={(event) => {
          setNothingToSave(false);
          title.onChange(event);
        }}
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
          setNothingToSave(false);
          setNumbered(event.target.checked);
        }}
      />
      <FormSaveBar
        label={t('outline.saveSettings')}
        busy={form.submitting}
        unsaved={unsaved}
        nothingToSave={nothingToSave}
        buttonRef={saveButtonRef}
      />
    </form>
  );
}
