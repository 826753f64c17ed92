import { LANGUAGES, LIMITS, type Language, type Project } from '@kapitel/domain';
import { ErrorAlert, issueText, useI18n } from '../../../i18n';
import { useForm } from '../../../lib/use-form';
import { useResource } from '../../../lib/use-resource';
import { rules } from '../../../lib/validation';
import { Button, SelectField, TextAreaField, TextField } from '../../../ui';
import { createProject, listTemplates } from '../api/projects-api';

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

export function CreateProjectForm({ onCreated }: { onCreated: (project: Project) => void }) {
  const { t, language } = useI18n();
  // Templates are optional: when the list cannot be loaded the form simply offers none.
  const { resource: templates } = useResource((signal) => listTemplates({ signal }), []);
  const form = useForm(
    { title: '', subtitle: '', description: '', language, template: '' },
    {
      title: [rules.required(), rules.maxLength(LIMITS.projectTitleMaxLength)],
      subtitle: [rules.maxLength(LIMITS.projectSubtitleMaxLength)],
      description: [rules.maxLength(LIMITS.projectDescriptionMaxLength)],
    },
  );

  const reportLanguage: Language = isLanguage(form.values.language) ? form.values.language : 'de';
  const matchingTemplates = (templates.status === 'ready' ? templates.data : []).filter(
    (template) => template.language === reportLanguage,
  );

  const submit = form.onSubmit(async (values) => {
    const subtitle = values.subtitle.trim();
    const description = values.description.trim();
    const template = matchingTemplates.some((candidate) => candidate.id === values.template)
      ? values.template
      : '';
    const project = await createProject({
      title: values.title.trim(),
      language: reportLanguage,
      ...(subtitle === '' ? {} : { subtitle }),
      ...(description === '' ? {} : { description }),
      ...(template === '' ? {} : { template }),
    });
    form.reset();
    onCreated(project);
  });

  return (
    <form noValidate onSubmit={submit}>
      <ErrorAlert error={form.error} otherDetails={form.otherDetails} />
      <TextField
        {...form.field('title')}
        label={t('projects.field.title')}
        hint={t('projects.field.titleHint')}
        required
        error={issueText(t, form.issues.title)}
      />
      <TextField
        {...form.field('subtitle')}
        label={t('projects.field.subtitle')}
        error={issueText(t, form.issues.subtitle)}
      />
      <TextAreaField
        {...form.field('description')}
        label={t('projects.field.description')}
        rows={3}
        error={issueText(t, form.issues.description)}
      />
      <SelectField
        {...form.field('language')}
        label={t('projects.field.language')}
        hint={t('projects.field.languageHint')}
        options={LANGUAGES.map((value) => ({ value, label: t(`projectLanguage.${value}`) }))}
        error={issueText(t, form.issues.language)}
      />
      {matchingTemplates.length > 0 ? (
        <SelectField
          {...form.field('template')}
          label={t('projects.field.template')}
          hint={t('projects.field.templateHint')}
          options={[
            { value: '', label: t('projects.field.templateNone') },
            ...matchingTemplates.map((template) => ({ value: template.id, label: template.title })),
          ]}
          error={issueText(t, form.issues.template)}
        />
      ) : null}
      <div className="form-actions">
        <Button type="submit" busy={form.submitting}>
          {t('projects.create.submit')}
        </Button>
      </div>
    </form>
  );
}
