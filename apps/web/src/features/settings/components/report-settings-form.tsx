import { LANGUAGES, LIMITS, type Language, type Project } from '@kapitel/domain';
import { ErrorAlert, issueText, useT } from '../../../i18n';
import { useForm } from '../../../lib/use-form';
import { rules } from '../../../lib/validation';
import { Button, SelectField, TextAreaField, TextField } from '../../../ui';
import { updateProject } from '../api/settings-api';

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

export interface ReportSettingsFormProps {
  project: Project;
  onSaved: (project: Project) => void;
}

/**
 * The report's title, subtitle, description, publisher (for the PDF's cover) and language. Checked here first, the server
 * stays authoritative: its validation details appear at the fields they belong to.
 */
export function ReportSettingsForm({ project, onSaved }: ReportSettingsFormProps) {
  const t = useT();
  const form = useForm(
    {
      title: project.title,
      subtitle: project.subtitle ?? '',
      description: project.description ?? '',
      publisher: project.publisher ?? '',
      language: project.language,
    },
    {
      title: [rules.required(), rules.maxLength(LIMITS.projectTitleMaxLength)],
      subtitle: [rules.maxLength(LIMITS.projectSubtitleMaxLength)],
      description: [rules.maxLength(LIMITS.projectDescriptionMaxLength)],
      publisher: [rules.maxLength(LIMITS.projectPublisherMaxLength)],
    },
  );

  const submit = form.onSubmit(async (values) => {
    const subtitle = values.subtitle.trim();
    const description = values.description.trim();
    const publisher = values.publisher.trim();
    const saved = await updateProject(project.id, {
      title: values.title.trim(),
      // Empty means "none": the server stores null, as when the project was created.
      subtitle: subtitle === '' ? null : subtitle,
      description: description === '' ? null : description,
      publisher: publisher === '' ? null : publisher,
      language: isLanguage(values.language) ? values.language : project.language,
    });
    onSaved(saved);
  });

  return (
    <form noValidate onSubmit={submit} className="report-settings__form">
      <ErrorAlert error={form.error} otherDetails={form.otherDetails} />
      <TextField
        {...form.field('title')}
        label={t('settings.field.title')}
        required
        autoComplete="off"
        lang={project.language}
        error={issueText(t, form.issues.title)}
      />
      <TextField
        {...form.field('subtitle')}
        label={t('settings.field.subtitle')}
        hint={t('settings.optional')}
        autoComplete="off"
        lang={project.language}
        error={issueText(t, form.issues.subtitle)}
      />
      <TextAreaField
        {...form.field('description')}
        label={t('settings.field.description')}
        hint={t('settings.optional')}
        rows={3}
        lang={project.language}
        error={issueText(t, form.issues.description)}
      />
      <TextField
        {...form.field('publisher')}
        label={t('settings.field.publisher')}
        hint={t('settings.field.publisherHint')}
        autoComplete="organization"
        lang={project.language}
        error={issueText(t, form.issues.publisher)}
      />
      <SelectField
        {...form.field('language')}
        label={t('settings.field.language')}
        hint={t('settings.field.languageHint')}
        options={LANGUAGES.map((value) => ({ value, label: t(`projectLanguage.${value}`) }))}
        error={issueText(t, form.issues.language)}
      />
      <div className="form-actions">
        <Button type="submit" busy={form.submitting}>
          {t('settings.save')}
        </Button>
      </div>
    </form>
  );
}
