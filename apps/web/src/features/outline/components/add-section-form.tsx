import { LIMITS, newChapterPosition, type Section } from '@kapitel/domain';
import { useState } from 'react';
import { ErrorAlert, issueText, useT } from '../../../i18n';
import { useForm } from '../../../lib/use-form';
import { rules } from '../../../lib/validation';
import { Button, CheckboxField, SelectField, TextField } from '../../../ui';
import { createSection } from '../api/outline-api';
import type { OutlineRow } from '../utils/outline-tree';

export interface AddSectionFormProps {
  projectId: string;
  /** The current outline, to choose a parent from. */
  rows: readonly OutlineRow[];
  onAdded: (section: Section) => void;
}

/**
 * A new section at the end of the chosen parent's sub-sections, or at the top level: a
 * numbered chapter after the last numbered one (before the annex), an unnumbered one at the end.
 */
export function AddSectionForm({ projectId, rows, onAdded }: AddSectionFormProps) {
  const t = useT();
  const [numbered, setNumbered] = useState(true);
  const form = useForm(
    { title: '', parentId: '' },
    { title: [rules.required(), rules.maxLength(LIMITS.sectionTitleMaxLength)] },
  );
  // Only sections that can still take a level below them; the indent shows the depth.
  const parents = rows
    .filter((row) => row.depth < LIMITS.outlineMaxDepth)
    .map(({ node, depth }) => ({
      value: node.id,
      label: `${'\u00a0\u00a0'.repeat(depth - 1)}${node.number === null ? '' : `${node.number} `}${node.title}`,
    }));
  const parentId = parents.some((parent) => parent.value === form.values.parentId)
    ? form.values.parentId
    : '';

  const submit = form.onSubmit(async (values) => {
    const topLevel = rows.filter((row) => row.depth === 1).map((row) => row.node);
    const section = await createSection(projectId, {
      title: values.title.trim(),
      parentId: parentId === '' ? null : parentId,
      ...(parentId === '' && numbered ? { position: newChapterPosition(topLevel) } : {}),
      numbered,
    });
    form.reset();
    setNumbered(true);
    onAdded(section);
  });

  return (
    <form noValidate onSubmit={submit}>
      <ErrorAlert error={form.error} otherDetails={form.otherDetails} />
      <TextField
        {...form.field('title')}
        label={t('outline.add.field.title')}
        required
        autoComplete="off"
        error={issueText(t, form.issues.title)}
      />
      <SelectField
        {...form.field('parentId')}
        value={parentId}
        label={t('outline.add.field.parent')}
        options={[{ value: '', label: t('outline.add.topLevel') }, ...parents]}
        error={issueText(t, form.issues.parentId)}
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
        <Button type="submit" busy={form.submitting}>
          {t('outline.add.submit')}
        </Button>
      </div>
    </form>
  );
}
