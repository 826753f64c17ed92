import { labelAmong, labelSources, sourceEntry, type Language, type Source } from '@kapitel/domain';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ErrorAlert, useT } from '../../../i18n';
import { ApiError, isApiError } from '../../../lib/api';
import { ResourceView } from '../../../lib/resource-view';
import { useResource } from '../../../lib/use-resource';
import { Alert, Button, Card, ConfirmButton, ListFilter } from '../../../ui';
import { listSources, removeSource, sourceCitations } from '../api/sources-api';
import { FILTER_FROM, filterSources } from '../utils/source-list';
import { SourceEntryText } from './source-entry';
import { SourceForm } from './source-form';
import { SourceImport } from './source-import';
import './sources.css';

export interface SourcesPanelProps {
  projectId: string;
  /** The report's language: the labels and entries are made in it, as the PDF makes them. */
  language: Language;
  /** `sources.edit` (leads and authors); others read the list. */
  canEdit: boolean;
  /** Counts the changes of the list announced by the server: it loads again on each. */
  liveChanges?: number;
}

/** The sections a refused deletion names (SOURCE_IN_USE: one detail per citing section, "2.1 Kosten"). */
function citedIn(error: unknown): string[] {
  return isApiError(error) && error.code === 'SOURCE_IN_USE'
    ? error.details.filter((detail) => detail.field === 'sections').map((detail) => detail.message)
    : [];
}

/**
 * The report's list of sources (docs/sources.md): each entry with its citation label, as the
 * PDF's bibliography sets it and in its order; for leads and authors a form to add one, an
 * entry that turns into the form to change it, and a question before one is deleted (which
 * the server refuses while a text cites it). A filter helps once the list is long.
 */
export function SourcesPanel({ projectId, language, canEdit, liveChanges = 0 }: SourcesPanelProps) {
  const t = useT();
  const sources = useResource((signal) => listSources(projectId, { signal }), [projectId]);
  const { reload } = sources;
  const [announcement, setAnnouncement] = useState('');
  // A deletion the server refused (a cited source): said at its entry, where the button was.
  const [refused, setRefused] = useState<{ id: string; error: unknown } | null>(null);
  const [filter, setFilter] = useState('');
  const [adding, setAdding] = useState(false);
  // The source being changed, as it was when the change began: one deleted meanwhile stays, with what was typed.
  const [editing, setEditing] = useState<Source | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const [focusEdit, setFocusEdit] = useState<{ id: string | null } | null>(null);

  const seenChanges = useRef(liveChanges);
  useEffect(() => {
    if (seenChanges.current !== liveChanges) {
      seenChanges.current = liveChanges;
      reload();
    }
  }, [liveChanges, reload]);

  const loaded = sources.resource.data;
  const gone = editing !== null && loaded !== undefined && !loaded.some((source) => source.id === editing.id);
  const labelled = useMemo(
    () => (loaded === undefined ? undefined : labelSources([...loaded, ...(gone && editing !== null ? [editing] : [])], language)),
    [loaded, gone, editing, language],
  );
  const filtering = labelled !== undefined && labelled.length >= FILTER_FROM && filter.trim() !== '';
  const shownIds = useMemo(
    () => (filtering && loaded !== undefined ? new Set(filterSources(loaded, filter).map((source) => source.id)) : null),
    [filtering, loaded, filter],
  );
  const shown = labelled?.filter((entry) => shownIds === null || shownIds.has(entry.source.id));

  // After an entry's form closes or an entry is deleted, the focus goes to a button near it, never to the page's start.
  useEffect(() => {
    if (focusEdit === null) {
      return;
    }
    setFocusEdit(null);
    const button = focusEdit.id === null ? undefined : editButtons.current.get(focusEdit.id);
    (button ?? (canEdit ? addButton.current : heading.current) ?? heading.current)?.focus();
  }, [focusEdit, canEdit]);

  const submitting = (): void => {
    setRefused(null);
    setAnnouncement('');
  };
  const changed = (message: string): void => {
    setRefused(null);
    setAnnouncement(message);
    reload();
  };
  const labelOf = (source: Source): string => labelAmong(loaded ?? [], source, language)?.label ?? source.title;

  // Asked before the question "delete?": a cited source is refused at once, naming where it is
  // cited, instead of after a "Yes" (the server refuses the deletion in the same way).
  const refuseIfCited = async (source: Source): Promise<null> => {
    submitting();
    let sections: string[];
    try {
      sections = await sourceCitations(projectId, source.id);
    } catch (caught) {
      setRefused({ id: source.id, error: caught });
      throw caught;
    }
    if (sections.length > 0) {
      const details = sections.map((title) => ({ field: 'sections', message: title }));
      setRefused({ id: source.id, error: new ApiError(409, 'SOURCE_IN_USE', 'The source is cited', details) });
      throw new Error('the source is cited');
    }
    return null;
  };

  const remove = async (source: Source, label: string): Promise<void> => {
    submitting();
    try {
      await removeSource(projectId, source.id);
    } catch (caught) {
      setRefused({ id: source.id, error: caught });
      throw caught;
    }
    const rows = shown ?? [];
    const index = rows.findIndex((row) => row.source.id === source.id);
    const neighbour = rows[index + 1] ?? rows[index - 1] ?? null;
    setFocusEdit({ id: neighbour?.source.id ?? null });
    changed(t('sources.removed', { label }));
  };

  return (
    <Card title={t('sources.title')} description={t('sources.intro')} headingRef={heading} className="sources-card">
      <div role="status">{announcement === '' ? null : <Alert tone="success">{announcement}</Alert>}</div>
      {canEdit && loaded !== undefined ? (
        adding ? (
          <SourceForm
            projectId={projectId}
            source={null}
            heading={t('sources.addTitle')}
            list={loaded}
            language={language}
            onSubmitting={submitting}
            onSaved={(source) => {
              changed(t('sources.added', { label: labelOf(source) }));
            }}
            onCancel={() => {
              setAdding(false);
              setFocusEdit({ id: null });
            }}
          />
        ) : (
          <div className="sources-card__actions">
            <Button
              ref={addButton}
              onClick={() => {
                submitting();
                setAdding(true);
              }}
            >
              {t('sources.add')}
            </Button>
            <SourceImport projectId={projectId} onStart={submitting} onImported={reload} />
          </div>
        )
      ) : null}
      {labelled !== undefined && labelled.length >= FILTER_FROM ? (
        <ListFilter
          label={t('sources.filter')}
          hint={t('sources.filterHint')}
          value={filter}
          onChange={setFilter}
          status={filtering ? t('sources.filterCount', { count: shown?.length ?? 0, total: labelled.length }) : ''}
        />
      ) : null}
      <ResourceView
        resource={sources.resource}
        reload={reload}
        empty={canEdit ? t('sources.emptyEditable') : t('sources.empty')}
        items={loaded}
      >
        {() =>
          shown === undefined || shown.length === 0 ? (
            <p className="muted">{t('sources.filterNone', { filter: filter.trim() })}</p>
          ) : (
            <ol className="source-list" aria-label={t('sources.listLabel')}>
              {shown.map(({ source, label, year }) => (
                <li key={source.id} className="source-list__entry">
                  {editing?.id === source.id ? (
                    <SourceForm
                      projectId={projectId}
                      source={editing}
                      heading={t('sources.editTitle', { label })}
                      list={loaded ?? []}
                      language={language}
                      gone={gone}
                      onSubmitting={submitting}
                      onSaved={(saved) => {
                        setEditing(null);
                        setFocusEdit({ id: saved.id });
                        changed(t('sources.saved', { label: labelOf(saved) }));
                      }}
                      onCancel={() => {
                        setEditing(null);
                        setFocusEdit({ id: source.id });
                      }}
                    />
                  ) : (
                    <>
                      <p className="source-list__label" lang={language}>
                        {label}
                      </p>
                      <p className="source-list__text" lang={language}>
                        <SourceEntryText pieces={sourceEntry({ source, label, year }, language)} />
                      </p>
                      {canEdit ? (
                        <div className="source-list__actions">
                          <Button
                            variant="secondary"
                            size="small"
                            ref={(element: HTMLButtonElement | null) => {
                              if (element === null) {
                                editButtons.current.delete(source.id);
                              } else {
                                editButtons.current.set(source.id, element);
                              }
                            }}
                            aria-label={t('sources.editOf', { label })}
                            onClick={() => {
                              submitting();
                              setEditing(source);
                            }}
                          >
                            {t('sources.edit')}
                          </Button>
                          <ConfirmButton
                            size="small"
                            label={t('sources.remove')}
                            accessibleLabel={t('sources.removeOf', { label })}
                            question={t('sources.removeQuestion', { label })}
                            confirmLabel={t('sources.removeConfirm')}
                            cancelLabel={t('common.cancel')}
                            consequences={() => refuseIfCited(source)}
                            onConfirm={() => remove(source, label)}
                          />
                        </div>
                      ) : null}
                      {refused?.id === source.id ? (
                        <div className="source-list__refused">
                          <ErrorAlert error={refused.error} />
                          {citedIn(refused.error).length > 0 ? (
                            <p>{t('sources.citedIn', { sections: citedIn(refused.error).join(', ') })}</p>
                          ) : null}
                        </div>
                      ) : null}
                    </>
                  )}
                </li>
              ))}
            </ol>
          )
        }
      </ResourceView>
      {canEdit ? null : <p className="muted">{t('sources.readOnly')}</p>}
    </Card>
  );
}
