import type { Member, OutlineNode, Role, Section } from '@kapitel/domain';
import { ErrorAlert, issueText, useT } from '../../../i18n';
import { useForm } from '../../../lib/use-form';
import { rules } from '../../../lib/validation';
import { Button, CheckboxGroup, SelectField, TextField } from '../../../ui';
import { updateSection } from '../api/outline-api';

// The same rule the server enforces; it answers 400 naming the field for anyone else.
const MAY_BE_ASSIGNED: readonly Role[] = ['author', 'lead'];
const MAY_REVIEW: readonly Role[] = ['reviewer', 'lead'];

export interface AssignmentFormProps {
  projectId: string;
  section: OutlineNode;
  members: readonly Member[];
  onSaved: (section: Section) => void;
}

/** Who writes a section, who reviews it, and by when. */
export function AssignmentForm({ projectId, section, members, onSaved }: AssignmentFormProps) {
  const t = useT();
  // A form holds strings: the assignees travel as space-separated ids.
  const form = useForm(
    {
      assigneeIds: section.assigneeIds.join(' '),
      reviewerId: section.reviewerId ?? '',
      dueDate: section.dueDate ?? '',
    },
    { dueDate: [rules.date()] },
  );
  const assigneeIds = form.values.assigneeIds.split(' ').filter((id) => id !== '');
  const option = (member: Member) => ({
    value: member.userId,
    label: member.organisation ? `${member.name} (${member.organisation})` : member.name,
  });

  const submit = form.onSubmit(async (values) => {
    const saved = await updateSection(projectId, section.id, {
      assigneeIds: values.assigneeIds.split(' ').filter((id) => id !== ''),
      reviewerId: values.reviewerId === '' ? null : values.reviewerId,
      dueDate: values.dueDate === '' ? null : values.dueDate,
    });
    onSaved(saved);
  });

  return (
    <form noValidate onSubmit={submit} className="outline-editor__form">
      <h3 className="outline-editor__heading">{t('outline.assignment')}</h3>
      <ErrorAlert error={form.error} otherDetails={form.otherDetails} />
      <CheckboxGroup
        name="assigneeIds"
        legend={t('outline.field.assignees')}
        options={members.filter((member) => MAY_BE_ASSIGNED.includes(member.role)).map(option)}
        value={assigneeIds}
        onChange={(ids) => {
          form.setValue('assigneeIds', ids.join(' '));
        }}
        emptyText={t('outline.field.assigneesNone')}
        error={issueText(t, form.issues.assigneeIds)}
      />
      <SelectField
        {...form.field('reviewerId')}
        label={t('outline.field.reviewer')}
        options={[
          { value: '', label: t('outline.field.reviewerNone') },
          ...members.filter((member) => MAY_REVIEW.includes(member.role)).map(option),
        ]}
        error={issueText(t, form.issues.reviewerId)}
      />
      <TextField
        {...form.field('dueDate')}
        type="date"
        label={t('outline.field.dueDate')}
        error={issueText(t, form.issues.dueDate)}
      />
      <div className="form-actions">
        <Button type="submit" size="small" busy={form.submitting}>
          {t('outline.saveAssignment')}
        </Button>
      </div>
    </form>
  );
}
