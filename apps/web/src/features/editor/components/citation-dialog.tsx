import type { CitationAttrs } from '@kapitel/editor';
import { CITATION_LOCATOR_MAX_LENGTH, CITATION_PREFIX_MAX_LENGTH, citationText } from '@kapitel/editor';
import type { Language, Source } from '@kapitel/domain';
import type { Editor } from '@tiptap/core';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../i18n';
import { Button, TextField } from '../../../ui';
import { SourceForm } from '../../sources';
import { citableSources, filterCitable } from '../utils/citations';
import { EditorDialog } from './editor-dialog';
import { TargetPicker } from './target-picker';
import { useTargetChoice } from './use-target-choice';

export interface CitationDialogProps {
  editor: Editor;
  projectId: string;
  /** The project's sources; null while they load. */
  sources: readonly Source[] | null;
  /** The selected citation, to be changed; null for a new one at the cursor. */
  changing: CitationAttrs | null;
  /** The report's language: the sources and the page are written in it. */
  language: Language;
  /** The project page's list of sources, where they are added and changed. */
  manageHref: string;
  /** The dialog is done; `said` is what happened, for the page to announce (null: nothing). */
  onClose: (said: string | null) => void;
}

/**
 * "Quelle zitieren" / "Quellenangabe ändern": the project's sources as radio buttons with a
 * filter above them (the focus starts there: typing a few letters of an author is quickest),
 * then the page or place in the source. Enter in the filter takes the chosen source, or the
 * only one left. A source not in the list yet is added here ("Neue Quelle anlegen", the
 * project page's form) and chosen, without leaving the text.
 */
export function CitationDialog({
  editor,
  projectId,
  sources,
  changing,
  language,
  manageHref,
  onClose,
}: CitationDialogProps) {
  const t = useT();
  const content = useRef<HTMLDivElement>(null);
  const [filter, setFilter] = useState('');
  const [locator, setLocator] = useState(changing?.locator ?? '');
  const [prefix, setPrefix] = useState(changing?.prefix ?? '');
  const [creating, setCreating] = useState(false);
  // Where the focus goes once the form for a new source is gone: its page field, or back to its button.
  const [focusAfterForm, setFocusAfterForm] = useState<'locator' | 'new' | null>(null);
  // Added here: chosen at once, before the list the page reloads on the announcement has it.
  const [added, setAdded] = useState<Source[]>([]);
  const all = useMemo(
    () =>
      sources === null
        ? null
        : [...sources, ...added.filter((source) => !sources.some((known) => known.id === source.id))],
    [sources, added],
  );
  const citable = useMemo(() => (all === null ? null : citableSources(all, language)), [all, language]);
  const shown = citable === null ? [] : filterCitable(citable, filter);
  const { chosen, choose, missing, clearMissing, list, name, take, intoList } = useTargetChoice(
    shown.map((source) => source.id),
    changing?.sourceId ?? '',
  );

  useLayoutEffect(() => {
    content.current?.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
  }, []);

  useEffect(() => {
    if (focusAfterForm !== null && !creating) {
      const target = focusAfterForm === 'locator' ? 'input[name="locator"]' : '.citation-dialog__new button';
      content.current?.querySelector<HTMLElement>(target)?.focus();
      setFocusAfterForm(null);
    }
  }, [focusAfterForm, creating]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const id = take();
    const source = shown.find((candidate) => candidate.id === id);
    if (source === undefined) {
      return;
    }
    // No focus() here: the text is inert while the dialog is open; closing it focuses the text.
    if (!editor.chain().setCitation({ sourceId: source.id, label: source.label, locator, prefix }).run()) {
      onClose(null);
      return;
    }
    const citation = citationText(source.label, locator, prefix);
    onClose(t(changing === null ? 'citations.inserted' : 'citations.changed', { citation }));
  };

  const status =
    citable === null
      ? t('citations.dialog.loading')
      : citable.length === 0
        ? t('citations.dialog.empty')
        : shown.length === 0
          ? t('citations.dialog.none', { filter: filter.trim() })
          : filter.trim() === ''
            ? ''
            : t('citations.dialog.count', { count: shown.length, total: citable.length });

  return (
    <EditorDialog
      title={t(changing === null ? 'citations.insert' : 'citations.change')}
      className="cross-ref-dialog citation-dialog"
      editor={editor}
      onDismiss={() => {
        onClose(null);
      }}
    >
      <div ref={content}>
        {creating ? (
          <SourceForm
            projectId={projectId}
            source={null}
            heading={t('citations.dialog.newSource')}
            list={all ?? []}
            language={language}
            onSubmitting={() => undefined}
            onSaved={(source) => {
              setAdded((before) => [...before, source]);
              setFilter('');
              choose(source.id);
              setCreating(false);
              setFocusAfterForm('locator');
            }}
            onCancel={() => {
              setCreating(false);
              setFocusAfterForm('new');
            }}
          />
        ) : (
          <TargetPicker
            onSubmit={submit}
            filterLabel={t('citations.dialog.filter')}
            filterHint={t('citations.dialog.filterHint')}
            filter={filter}
            onFilter={(value) => {
              setFilter(value);
              clearMissing();
            }}
            onFilterKeyDown={intoList}
            list={list}
            name={name}
            missing={missing}
            required={t('citations.dialog.required')}
            status={status}
            changing={changing !== null}
            legend={t('citations.dialog.sources')}
            onCancel={() => {
              onClose(null);
            }}
            extra={
              <>
                <p className="citation-dialog__new">
                  <Button variant="secondary" size="small" onClick={() => setCreating(true)}>
                    {t('citations.dialog.newSource')}
                  </Button>
                </p>
                <div className="citation-dialog__around">
                  <TextField
                    name="prefix"
                    label={t('citations.dialog.prefix')}
                    hint={t('citations.dialog.prefixHint')}
                    value={prefix}
                    lang={language}
                    autoComplete="off"
                    maxLength={CITATION_PREFIX_MAX_LENGTH}
                    onChange={(event) => {
                      setPrefix(event.target.value);
                    }}
                  />
                  <TextField
                    name="locator"
                    label={t('citations.dialog.locator')}
                    hint={t('citations.dialog.locatorHint')}
                    value={locator}
                    lang={language}
                    autoComplete="off"
                    maxLength={CITATION_LOCATOR_MAX_LENGTH}
                    onChange={(event) => {
                      setLocator(event.target.value);
                    }}
                  />
                </div>
              </>
            }
            follow={
              <p className="cross-ref-dialog__follow">
                <Link to={manageHref}>{t('citations.dialog.manage')}</Link>
              </p>
            }
          >
            {shown.map((source) => (
              <label
                key={source.id}
                className="cross-ref-dialog__target citation-dialog__source"
                lang={language}
              >
                <input
                  type="radio"
                  name={name}
                  value={source.id}
                  checked={chosen === source.id}
                  onChange={() => {
                    choose(source.id);
                  }}
                />
                <span>
                  <span className="citation-dialog__label">{source.label}</span> {source.title}
                </span>
              </label>
            ))}
          </TargetPicker>
        )}
      </div>
    </EditorDialog>
  );
}
