import { labelAmong, sourceEntry, type Language, type Source } from '@kapitel/domain';
import { citationText } from '@kapitel/editor';
import { useEffect, useId, useMemo, useRef, type KeyboardEvent } from 'react';
import { ErrorAlert, issueText, useT } from '../../../i18n';
import { ApiError } from '../../../lib/api';
import { useForm } from '../../../lib/use-form';
import { Alert, Button, TextField } from '../../../ui';
import { createSource, updateSource } from '../api/sources-api';
import { EMPTY_SOURCE, localToday, sourceInput, sourceRules, sourceValues, type SourceField } from '../utils/source-list';
import { SourceEntryText } from './source-entry';

export interface SourceFormProps {
  projectId: string;
  /** The source to change; null adds a new one. */
  source: Source | null;
  /** The form's heading ("Neue Quelle", "„KGSt 2023“ bearbeiten"), which stays while the fields change. */
  heading: string;
  /** The whole list as shown: the preview's label is told apart from the others as the list will. */
  list: readonly Source[];
  /** The report's language, which the entries are written in and the labels are made in. */
  language: Language;
  /** The source was deleted by someone else meanwhile: saving adds it anew. */
  gone?: boolean;
  /** Called on every submit, also one the form refuses, so that an older notice goes. */
  onSubmitting: () => void;
  onSaved: (source: Source) => void;
  onCancel: () => void;
}

/**
 * Adds or changes a source: six labelled fields (the day looked at only once there is an
 * address), a preview of the citation and the entry as they will read, and the buttons.
 * Problems are said at their field. Escape cancels. A new source empties the form again
 * and puts the focus back in the first field, for the next.
 */
export function SourceForm({ projectId, source, heading, list, language, gone = false, onSubmitting, onSaved, onCancel }: SourceFormProps) {
  const t = useT();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<SourceField>(source === null ? EMPTY_SOURCE : sourceValues(source), sourceRules(localToday()));
  const { values } = form;

  useEffect(() => {
    focusFirst(formRef.current);
  }, []);

  // The labels depend on the other sources ("KGSt 2023a"): the draft takes its place among them.
  const preview = useMemo(() => {
    const draft: Source = { ...(source ?? { id: '', updatedAt: '' }), ...sourceInput(values) };
    const labelled = labelAmong(list, draft, language);
    return draft.title === '' || labelled === undefined ? null : { label: labelled.label, entry: sourceEntry(labelled, language) };
  }, [values, list, source, language]);

  const send = form.onSubmit(async (current) => {
    const input = sourceInput(current);
    const saved =
      source === null || gone
        ? await createSource(projectId, input)
        : await updateSource(projectId, source.id, input).catch((caught: unknown) => {
            // Deleted by someone else meanwhile: the changes are not lost, the source comes back with them.
            if (caught instanceof ApiError && caught.code === 'NOT_FOUND') {
              return createSource(projectId, input);
            }
            throw caught;
          });
    if (source === null) {
      form.reset();
      focusFirst(formRef.current);
    }
    onSaved(saved);
  });

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && !form.submitting) {
      event.preventDefault();
      onCancel();
    }
  };

  const field = (name: SourceField) => ({
    ...form.field(name),
    error: issueText(t, form.issues[name]),
    autoComplete: 'off',
  });
  return (
    <form
      ref={formRef}
      className="source-form"
      noValidate
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        onSubmitting();
        send(event);
      }}
    >
      <h3 id={headingId} className="source-form__title">
        {heading}
      </h3>
      {gone ? (
        <div role="status">
          <Alert tone="info">{t('sources.gone')}</Alert>
        </div>
      ) : null}
      <ErrorAlert error={form.summaryError} otherDetails={form.otherDetails} />
      <div className="source-form__fields">
        <TextField {...field('authors')} className="source-form__wide" label={t('sources.authors')} hint={t('sources.authorsHint')} lang={language} />
        <TextField {...field('title')} className="source-form__wide" label={t('sources.titleField')} hint={t('sources.titleHint')} lang={language} required />
        <TextField {...field('year')} label={t('sources.year')} hint={t('sources.yearHint')} lang={language} inputMode="numeric" />
        <TextField {...field('publication')} className="source-form__wide" label={t('sources.publication')} hint={t('sources.publicationHint')} lang={language} />
        <TextField {...field('url')} className="source-form__wide" type="url" label={t('sources.url')} hint={t('sources.urlHint')} spellCheck={false} />
        {values.url.trim() === '' ? null : (
          <TextField {...field('accessed')} type="date" label={t('sources.accessed')} max={localToday()} />
        )}
      </div>
      {preview === null ? null : (
        <div className="source-form__preview" lang={language}>
          <p className="source-form__preview-title">{t('sources.preview')}</p>
          <p>
            <span className="source-form__preview-kind">{t('sources.previewCitation')}</span> {citationText(preview.label, '')}
          </p>
          <p>
            <span className="source-form__preview-kind">{t('sources.previewEntry')}</span> <SourceEntryText pieces={preview.entry} />
          </p>
        </div>
      )}
      <div className="form-actions">
        <Button type="submit" busy={form.submitting}>
          {source === null ? t('sources.saveAdd') : t('sources.save')}
        </Button>
        <Button variant="ghost" disabled={form.submitting} onClick={onCancel}>
          {source === null ? t('sources.close') : t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function focusFirst(form: HTMLFormElement | null): void {
  const first = form?.elements.namedItem('authors');
  if (first instanceof HTMLElement) {
    first.focus();
  }
}
