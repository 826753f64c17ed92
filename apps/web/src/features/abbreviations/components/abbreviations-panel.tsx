import type { Abbreviation, Language } from '@kapitel/domain';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ErrorAlert, useT } from '../../../i18n';
import { ResourceView } from '../../../lib/resource-view';
import { useResource } from '../../../lib/use-resource';
import { Alert, Card, DataTable, ListFilter } from '../../../ui';
import { listAbbreviations, removeAbbreviation } from '../api/abbreviations-api';
import { FILTER_FROM, filterAbbreviations, sortAbbreviations } from '../utils/abbreviation-list';
import { AbbreviationForm } from './abbreviation-form';
import { AbbreviationRow } from './abbreviation-row';
import './abbreviations.css';

export interface AbbreviationsPanelProps {
  projectId: string;
  /** The report's language, which the entries are written in. */
  language: Language;
  /** `abbreviations.edit` (leads and authors); others read the list. */
  canEdit: boolean;
  /** Counts the changes of the list announced by the server: it loads again on each. */
  liveChanges?: number;
}

/**
 * The report's list of abbreviations ("Abkürzungsverzeichnis", printed in the PDF after the
 * contents): a table of the entries in the PDF's order, and for leads and authors a form to
 * add one, a row that turns into fields to change it and a question before one is deleted.
 * A filter field helps once the list is long.
 */
export function AbbreviationsPanel({
  projectId,
  language,
  canEdit,
  liveChanges = 0,
}: AbbreviationsPanelProps) {
  const t = useT();
  const abbreviations = useResource((signal) => listAbbreviations(projectId, { signal }), [projectId]);
  const { reload } = abbreviations;
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [filter, setFilter] = useState('');
  // Deleted here: gone from the table at once, not only after the list has loaded again.
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const heading = useRef<HTMLHeadingElement>(null);
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const [focusAfterRemoval, setFocusAfterRemoval] = useState<{ id: string | null } | null>(null);
  // Rows being changed here, as they were when the change began: one that someone else deletes
  // meanwhile stays, with what was typed, and saving adds it anew.
  const [editing, setEditing] = useState<ReadonlyMap<string, Abbreviation>>(new Map());
  const onEditing = (entry: Abbreviation, now: boolean): void => {
    setEditing((previous) => {
      const next = new Map(previous);
      if (now) {
        next.set(entry.id, entry);
      } else {
        next.delete(entry.id);
      }
      return next;
    });
  };

  const seenChanges = useRef(liveChanges);
  useEffect(() => {
    if (seenChanges.current !== liveChanges) {
      seenChanges.current = liveChanges;
      reload();
    }
  }, [liveChanges, reload]);

  const loaded = abbreviations.resource.data;
  const gone = useMemo(() => {
    const present = new Set((loaded ?? []).map((entry) => entry.id));
    return loaded === undefined
      ? []
      : [...editing.values()].filter((entry) => !present.has(entry.id) && !removed.has(entry.id));
  }, [loaded, editing, removed]);
  const list = useMemo(
    () =>
      loaded === undefined
        ? undefined
        : sortAbbreviations([...loaded.filter((entry) => !removed.has(entry.id)), ...gone]),
    [loaded, removed, gone],
  );
  const filtering = list !== undefined && list.length >= FILTER_FROM && filter.trim() !== '';
  const shown = list === undefined ? undefined : filtering ? filterAbbreviations(list, filter) : list;

  // After a deletion the focus goes to the next entry's "Bearbeiten" (or the one before), or
  // to the heading when the list is empty now: never to the page's start.
  useEffect(() => {
    if (focusAfterRemoval === null) {
      return;
    }
    setFocusAfterRemoval(null);
    const button = focusAfterRemoval.id === null ? undefined : editButtons.current.get(focusAfterRemoval.id);
    (button ?? heading.current)?.focus();
  }, [focusAfterRemoval]);

  // A new attempt: the last one's message goes, so that it is not read as this one's.
  const submitting = (): void => {
    setError(null);
    setAnnouncement('');
  };

  const changed = (message: string): void => {
    setError(null);
    setAnnouncement(message);
    reload();
  };

  const remove = async (entry: Abbreviation): Promise<void> => {
    setError(null);
    setAnnouncement('');
    try {
      await removeAbbreviation(projectId, entry.id);
    } catch (caught) {
      setError(caught);
      throw caught;
    }
    const rows = shown ?? [];
    const index = rows.findIndex((row) => row.id === entry.id);
    const neighbour = rows[index + 1] ?? rows[index - 1] ?? null;
    setRemoved((previous) => new Set(previous).add(entry.id));
    setFocusAfterRemoval({ id: neighbour?.id ?? null });
    changed(t('abbreviations.removed', { short: entry.short }));
  };

  const emptyText = canEdit ? t('abbreviations.emptyEditable') : t('abbreviations.empty');
  return (
    <Card
      title={t('abbreviations.title')}
      description={t('abbreviations.intro')}
      headingRef={heading}
      className={`abbreviations-card${canEdit ? ' abbreviations-card--editable' : ''}`}
    >
      <div role="status">{announcement === '' ? null : <Alert tone="success">{announcement}</Alert>}</div>
      <ErrorAlert error={error} />
      {canEdit && list !== undefined ? (
        <AbbreviationForm
          projectId={projectId}
          list={list}
          language={language}
          onSubmitting={submitting}
          onAdded={(entry) => {
            changed(t('abbreviations.added', { short: entry.short }));
          }}
        />
      ) : null}
      {list !== undefined && list.length >= FILTER_FROM ? (
        <ListFilter
          label={t('abbreviations.filter')}
          hint={t('abbreviations.filterHint')}
          value={filter}
          onChange={setFilter}
          status={filtering ? t('abbreviations.filterCount', { count: shown?.length ?? 0, total: list.length }) : ''}
        />
      ) : null}
      <ResourceView resource={abbreviations.resource} reload={reload} empty={emptyText} items={list}>
        {() =>
          shown === undefined || shown.length === 0 ? (
            <p className="muted">{t('abbreviations.filterNone', { filter: filter.trim() })}</p>
          ) : (
            <DataTable
              caption={t('abbreviations.caption')}
              columns={[
                t('abbreviations.short'),
                t('abbreviations.long'),
                canEdit ? t('abbreviations.actions') : null,
              ]}
            >
              {shown.map((entry) => (
                <AbbreviationRow
                  key={entry.id}
                  projectId={projectId}
                  entry={entry}
                  list={list ?? []}
                  language={language}
                  canEdit={canEdit}
                  onSubmitting={submitting}
                  onSaved={(saved) => {
                    changed(t('abbreviations.saved', { short: saved.short }));
                  }}
                  onRemove={remove}
                  onEditing={onEditing}
                  gone={gone.some((missing) => missing.id === entry.id)}
                  editRef={(element) => {
                    if (element === null) {
                      editButtons.current.delete(entry.id);
                    } else {
                      editButtons.current.set(entry.id, element);
                    }
                  }}
                />
              ))}
            </DataTable>
          )
        }
      </ResourceView>
      {canEdit ? null : <p className="muted abbreviations-card__note">{t('abbreviations.readOnly')}</p>}
    </Card>
  );
}
