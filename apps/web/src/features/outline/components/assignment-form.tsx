import { LIMITS, type Member, type OutlineNode, type Role, type Section } from '@kapitel/domain';
import { useEffect, useState, type Ref } from 'react';
import { ErrorAlert, issueText, useT } from '../../../i18n';
import { useForm } from '../../../lib/use-form';
import { parseWholeNumber, rules } from '../../../lib/validation';
import { CheckboxGroup, SelectField, TextField } from '../../../ui';
import { updateSection } from '../api/outline-api';
import { localToday } from '../utils/outline-tree';
import { assignmentChanged, assignmentOf } from '../utils/section-changes';
import { FormSaveBar } from './form-save-bar';

// The same rule the server enforces; it answers 400 naming the field for anyone else.
const MAY_BE_ASSIGNED: readonly Role[] = ['author', 'lead'];
const MAY_REVIEW: readonly Role[] = ['reviewer', 'lead'];

export interface AssignmentFormProps {
  projectId: string;
  section: OutlineNode;
  members: readonly Member[];
  onSaved: (section: Section) => void;
  /** Called when the form comes to hold unsaved changes, or no longer does. */
  onUnsavedChange: (unsaved: boolean) => void;
  saveButtonRef?: Ref<HTMLButtonElement>;
}

const idsOf = (joined: string): string[] => joined.split(' ').filter((id) => id !== '');

/** Who writes a section, who reviews it, by when, and how long it should be. */
export function AssignmentForm({
  projectId,
  section,
  members,
  onSaved,
  onUnsavedChange,
  saveButtonRef,
}: AssignmentFormProps) {
  const t = useT();
  // As in the settings form: compared with what was opened or last saved, not the live outline.
  const [saved, setSaved] = useState(() => assignmentOf(section));
  const [nothingToSave, setNothingToSave] = useState(false);
  // A form holds strings: the assignees travel as space-separated ids.
  const form = useForm(
    {
      assigneeIds: saved.assigneeIds.join(' '),
      reviewerId: saved.reviewerId,
      dueDate: saved.dueDate,
      targetWords: saved.targetWords,
    },
    { dueDate: [rules.date()], targetWords: [rules.wholeNumber(1, LIMITS.sectionTargetWordsMax)] },
  );
  const assigneeIds = idsOf(form.values.assigneeIds);
  const unsaved = assignmentChanged(saved, { ...form.values, assigneeIds });
  useEffect(() => {
    onUnsavedChange(unsaved);
    // A closed form holds nothing: whatever closed it, the tools must not ask about it later.
    return () => {
      onUnsavedChange(false);
    };
  }, [unsaved, onUnsavedChange]);
  const option = (member: Member) => ({
    value: member.userId,
    label: member.organisation ? `${member.name} (${member.organisation})` : member.name,
  });
  const field = (name: 'reviewerId' | 'dueDate' | 'targetWords') => {
    const props = form.field(name);
    return {
      ...props,
      onChange: (event: Parameters<typeof props.onChange>[0]) => {
        setNothingToSave(false);
        props.onChange(event);
      },
    };
  };

  const submit = form.onSubmit(async (values) => {
    const ids = idsOf(values.assigneeIds);
    if (!assignmentChanged(saved, { ...values, assigneeIds: ids })) {
      setNothingToSave(true);
      return;
    }
    const updated = await updateSection(projectId, section.id, {
      assigneeIds: ids,
      reviewerId: values.reviewerId === '' ? null : values.reviewerId,
      dueDate: values.dueDate === '' ? null : values.dueDate,
      targetWords: values.targetWords.trim() === '' ? null : parseWholeNumber(values.targetWords),
    });
    setSaved(assignmentOf(updated));
    onSaved(updated);
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
          setNothingToSave(false);
          form.setValue('assigneeIds', ids.join(' '));
        }}
        emptyText={t('outline.field.assigneesNone')}
        error={issueText(t, form.issues.assigneeIds)}
      />
      <SelectField
        {...field('reviewerId')}
        label={t('outline.field.reviewer')}
        options={[
          { value: '', label: t('outline.field.reviewerNone') },
          ...members.filter((member) => MAY_REVIEW.includes(member.role)).map(option),
        ]}
        error={issueText(t, form.issues.reviewerId)}
      />
      <TextField
        {...field('dueDate')}
        type="date"
        label={t('outline.field.dueDate')}
        // A date already past is allowed (catching up on a plan), but said: the section is overdue at once.
        hint={/^\d{4}-\d{2}-\d{2}$/.test(form.values.dueDate) && form.values.dueDate < localToday() ? t('outline.field.dueDatePast') : undefined}
        error={issueText(t, form.issues.dueDate)}
      />
      <TextField
        {...field('targetWords')}
        inputMode="numeric"
        autoComplete="off"
        label={t('length.field')}
        hint={t('length.fieldHint')}
        error={issueText(t, form.issues.targetWords)}
      />
      <FormSaveBar
        label={t('outline.saveAssignment')}
        busy={form.submitting}
        unsaved={unsaved}
        nothingToSave={nothingToSave}
        buttonRef={saveButtonRef}
      />
    </form>
  );
}
