import type { Abbreviation } from '@kapitel/domain';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { ErrorAlert, issueText, useT } from '../../../i18n';
import { ApiError } from '../../../lib/api';
import { useForm } from '../../../lib/use-form';
import { Button, ConfirmButton } from '../../../ui';
import { createAbbreviation, updateAbbreviation } from '../api/abbreviations-api';
import { normaliseFieldText } from '../../../lib/validation';
import { abbreviationRules } from '../utils/abbreviation-list';
import { CellField } from './cell-field';

export interface AbbreviationRowProps {
  projectId: string;
  entry: Abbreviation;
  /** The whole list: another entry's abbreviation is refused at the field. */
  list: readonly Abbreviation[];
  language: string;
  canEdit: boolean;
  /** Called on every attempt to save, also one the form refuses, so that an older notice goes. */
  onSubmitting: () => void;
  onSaved: (entry: Abbreviation) => void;
  /** Rejects when the deletion failed (the panel says why). */
  onRemove: (entry: Abbreviation) => Promise<void>;
  /** The row's "Bearbeiten" button, for the panel to put the focus on after a deletion. */
  editRef: (element: HTMLButtonElement | null) => void;
  /** Told when the row turns into fields and back: the panel keeps a row being changed that someone else deleted. */
  onEditing: (entry: Abbreviation, editing: boolean) => void;
  /** Someone else deleted the entry while this row was being changed: saving adds it anew. */
  gone: boolean;
}

/** One entry: read, or (for leads and authors) changed in place and deleted after a question. */
export function AbbreviationRow(props: AbbreviationRowProps) {
  const { entry, language, canEdit, onRemove, editRef, onEditing } = props;
  const t = useT();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement | null>(null);
  // Back from editing (saved or cancelled), the focus returns to where the editing began.
  const refocus = useRef(false);
  useEffect(() => {
    if (!editing && refocus.current) {
      refocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  const stopEditing = (): void => {
    refocus.current = true;
    setEditing(false);
    onEditing(entry, false);
  };

  if (editing) {
    return (
      <AbbreviationEditRow
        {...props}
        onSaved={(saved) => {
          stopEditing();
          props.onSaved(saved);
        }}
        onCancel={stopEditing}
      />
    );
  }

  return (
    <tr>
      <th scope="row" lang={language} className="abbreviation-row__short">
        {entry.short}
      </th>
      <td lang={language}>{entry.long}</td>
      {canEdit ? (
        <td className="table__actions">
          <div className="abbreviation-row__actions">
            <Button
              ref={(element) => {
                editButton.current = element;
                editRef(element);
              }}
              variant="secondary"
              size="small"
              aria-label={t('abbreviations.editOf', { short: entry.short })}
              onClick={() => {
                setEditing(true);
                onEditing(entry, true);
              }}
            >
              {t('abbreviations.edit')}
            </Button>
            <ConfirmButton
              label={t('abbreviations.remove')}
              accessibleLabel={t('abbreviations.removeOf', { short: entry.short })}
              question={t('abbreviations.removeQuestion', { short: entry.short })}
              confirmLabel={t('abbreviations.removeConfirm')}
              cancelLabel={t('common.cancel')}
              onConfirm={() => onRemove(entry)}
            />
          </div>
        </td>
      ) : null}
    </tr>
  );
}

/**
 * The row as two fields with "Speichern" and "Abbrechen". The buttons' form sits in the last
 * cell (a form may not span cells); the fields belong to it by their `form` attribute, so
 * Enter in a field saves. Escape cancels.
 */
function AbbreviationEditRow({
  projectId,
  entry,
  list,
  language,
  onSubmitting,
  onSaved,
  onCancel,
  gone,
}: AbbreviationRowProps & { onCancel: () => void }) {
  const t = useT();
  const formId = useId();
  const firstField = useRef<HTMLInputElement>(null);
  const form = useForm({ short: entry.short, long: entry.long }, abbreviationRules(list, entry.id), {
    ABBREVIATION_EXISTS: 'short',
  });
  useEffect(() => {
    firstField.current?.focus();
  }, []);

  const send = form.onSubmit(async (values) => {
    const input = { short: normaliseFieldText(values.short), long: normaliseFieldText(values.long) };
    // Deleted by someone else meanwhile (seen, or found out now): the changes are not lost, the entry comes back with them.
    const saved = gone
      ? await createAbbreviation(projectId, input)
      : await updateAbbreviation(projectId, entry.id, input).catch((caught: unknown) => {
          if (caught instanceof ApiError && caught.code === 'NOT_FOUND') {
            return createAbbreviation(projectId, input);
          }
          throw caught;
        });
    onSaved(saved);
  });
  const submit = (event: Parameters<typeof send>[0]): void => {
    onSubmitting();
    send(event);
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && !form.submitting) {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <>
      <tr className="abbreviation-row--editing" onKeyDown={onKeyDown}>
        <td>
          <CellField
            ref={firstField}
            {...form.field('short')}
            form={formId}
            label={t('abbreviations.shortOf', { short: entry.short })}
            lang={language}
            autoComplete="off"
            spellCheck={false}
            required
            className="abbreviation-row__short-field"
            error={issueText(t, form.issues.short)}
          />
          {gone ? (
            <p role="status" className="abbreviation-row__gone">
              {t('abbreviations.gone', { short: entry.short })}
            </p>
          ) : null}
        </td>
        <td>
          <CellField
            {...form.field('long')}
            form={formId}
            label={t('abbreviations.longOf', { short: entry.short })}
            lang={language}
            autoComplete="off"
            required
            error={issueText(t, form.issues.long)}
          />
        </td>
        <td className="table__actions">
          <form id={formId} noValidate onSubmit={submit} className="abbreviation-row__actions">
            <Button
              type="submit"
              size="small"
              busy={form.submitting}
              aria-label={t('abbreviations.saveOf', { short: entry.short })}
            >
              {t('abbreviations.save')}
            </Button>
            <Button
              variant="ghost"
              size="small"
              disabled={form.submitting}
              aria-label={t('abbreviations.cancelOf', { short: entry.short })}
              onClick={onCancel}
            >
              {t('common.cancel')}
            </Button>
          </form>
        </td>
      </tr>
      {form.summaryError === null ? null : (
        <tr className="abbreviation-row__problem">
          <td colSpan={3}>
            <ErrorAlert error={form.summaryError} otherDetails={form.otherDetails} />
          </td>
        </tr>
      )}
    </>
  );
}
