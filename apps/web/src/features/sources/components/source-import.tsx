import { LIMITS, parseSources, type SkippedSource, type SourceImportResponse } from '@kapitel/domain';
import { useEffect, useRef, useState } from 'react';
import { ErrorAlert, useT, type Translate } from '../../../i18n';
import { Alert, Button } from '../../../ui';
import { importSources } from '../api/sources-api';

export interface SourceImportProps {
  projectId: string;
  /** Called before a file is read, so that an older notice goes. */
  onStart: () => void;
  /** Sources were added: the list loads again. */
  onImported: () => void;
}

/** A chosen file, read: how many entries it has, in which format, before anything is added. */
interface Chosen {
  fileName: string;
  text: string;
  format: 'bibtex' | 'ris';
  count: number;
  /** Entries without a title, which the import will skip. */
  untitled: number;
  /** Entries the file ends inside (cut off): not taken either. */
  cutOff: number;
}

const FORMAT_NAMES = { bibtex: 'BibTeX', ris: 'RIS' } as const;

/**
 * "Aus Datei übernehmen": the list of a reference manager (Zotero, Citavi, JabRef, EndNote) as
 * a BibTeX or RIS file. The file is read here first and its entries counted; only "Übernehmen"
 * adds them. What was skipped (already in the list, no title) is said entry by entry.
 */
export function SourceImport({ projectId, onStart, onImported }: SourceImportProps) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [problem, setProblem] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SourceImportResponse | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  // The button that had the focus is gone with the question: the focus goes to what was done.
  useEffect(() => {
    if (result !== null) {
      resultRef.current?.focus();
    }
  }, [result]);

  const read = async (file: File): Promise<void> => {
    onStart();
    setResult(null);
    setError(null);
    setChosen(null);
    const text = await file.text();
    const parsed = text.length > LIMITS.sourceImportMaxLength ? null : parseSources(text);
    if (parsed === null || parsed.entries.length === 0) {
      setProblem(text.length > LIMITS.sourceImportMaxLength ? t('sources.import.tooLarge') : t('sources.import.unknown', { file: file.name }));
      return;
    }
    setProblem('');
    const cutOff = parsed.entries.filter((entry) => entry.cutOff).length;
    const untitled = parsed.entries.filter((entry) => !entry.cutOff && entry.source.title.trim() === '').length;
    setChosen({ fileName: file.name, text, format: parsed.format, count: parsed.entries.length, untitled, cutOff });
  };

  const take = async (file: Chosen): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      setResult(await importSources(projectId, file.text));
      setChosen(null);
      onImported();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="source-import">
      <input
        ref={input}
        type="file"
        accept=".bib,.bibtex,.ris,.txt,text/plain,application/x-bibtex,application/x-research-info-systems"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so that choosing the same file again is a change too.
          event.target.value = '';
          if (file !== undefined) {
            void read(file);
          }
        }}
      />
      <Button variant="secondary" onClick={() => input.current?.click()}>
        {t('sources.import.choose')}
      </Button>
      <p className="field__hint">{t('sources.import.hint')}</p>
      <div role="status">
        {problem === '' ? null : <Alert tone="error">{problem}</Alert>}
        {chosen === null ? null : (
          <div className="source-import__confirm">
            <p>
              {t('sources.import.found', { file: chosen.fileName, count: chosen.count, format: FORMAT_NAMES[chosen.format] })}
              {chosen.untitled === 0 ? null : ` ${t('sources.import.untitled', { count: chosen.untitled })}`}
              {chosen.cutOff === 0 ? null : ` ${t('sources.import.cutOffCount', { count: chosen.cutOff })}`}
            </p>
            <div className="form-actions">
              <Button busy={busy} onClick={() => void take(chosen)}>
                {t('sources.import.take')}
              </Button>
              <Button variant="ghost" disabled={busy} onClick={() => setChosen(null)}>
                {t('common.cancel')}
              </Button>
            </div>
          </div>
        )}
        {result === null ? null : (
          <div ref={resultRef} tabIndex={-1} className="source-import__result">
            <ImportResult result={result} t={t} />
          </div>
        )}
      </div>
      <ErrorAlert error={error} />
    </div>
  );
}

function entryName(t: Translate, entry: { position: number; name: string }): string {
  return entry.name === ''
    ? t('sources.import.entry', { position: entry.position })
    : t('sources.import.entryNamed', { position: entry.position, name: entry.name });
}

function skippedText(t: Translate, entry: SkippedSource): string {
  const name = entryName(t, entry);
  if (entry.reason === 'duplicate') {
    return t('sources.import.duplicate', { name });
  }
  if (entry.field === 'text') {
    return t('sources.import.cutOff', { name });
  }
  return entry.field === 'title' ? t('sources.import.noTitle', { name }) : t('sources.import.invalid', { name, field: entry.field ?? '' });
}

function ImportResult({ result, t }: { result: SourceImportResponse; t: Translate }) {
  return (
    <Alert tone={result.added.length > 0 ? 'success' : 'info'}>
      <p>{t('sources.import.added', { count: result.added.length, skipped: result.skipped.length })}</p>
      {result.skipped.length === 0 && result.leftOut.length === 0 ? null : (
        <ul className="source-import__skipped">
          {result.skipped.map((entry) => (
            <li key={entry.position}>{skippedText(t, entry)}</li>
          ))}
          {result.leftOut.map((entry) => (
            <li key={`${String(entry.position)}-${entry.field}`}>
              {t(entry.field === 'url' ? 'sources.import.leftOutUrl' : 'sources.import.leftOutAccessed', { name: entryName(t, entry) })}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
