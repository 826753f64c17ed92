import { useEffect, useRef } from 'react';
import { ErrorAlert, useT } from '../../../i18n';
import { Alert, Button, Card, CheckboxField, HiddenFileInput, SelectField } from '../../../ui';
import { DOCUMENT_ACCEPT, ImportError } from '../../editor';
import { uploadErrorText } from '../../editor/utils/upload-error';
import { takenChapters, useDocumentOutline, type OutlineImportStep } from '../hooks/use-document-outline';
import { WordCount } from './word-count';

const LEVEL_LABELS = ['import.outline.levels.1', 'import.outline.levels.2', 'import.outline.levels.3'] as const;

/**
 * "Gliederung aus einem Dokument" (docs/import.md): the lead picks a Word or OpenDocument
 * draft, sees the sections its chapters become (each can be left out), and creates them at the
 * end of the outline, each filled with its chapter's text. The outline itself follows through
 * the project's events. The focus goes where the next step is: the create button, the result.
 */
export function DocumentOutline({ projectId }: { projectId: string }) {
  const t = useT();
  const { step, read, choose, cutAt, create, reset } = useDocumentOutline(projectId, t('import.outline.untitled'));
  const input = useRef<HTMLInputElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const createButton = useRef<HTMLButtonElement>(null);
  const result = useRef<HTMLDivElement>(null);

  const kind = step.kind;
  const previous = useRef(kind);
  useEffect(() => {
    const was = previous.current;
    previous.current = kind;
    if (kind === 'preview' && was !== 'preview') {
      createButton.current?.focus();
    } else if (kind === 'done' || kind === 'failed') {
      result.current?.focus();
    } else if (kind === 'idle' && was === 'preview') {
      chooseButton.current?.focus();
    }
  }, [kind]);

  const taken = step.kind === 'preview' ? takenChapters(step.chapters, step.chosen) : [];
  const chosen = taken.filter(Boolean).length;

  return (
    <Card title={t('import.outline.title')}>
      <p>{t('import.outline.intro')}</p>
      <HiddenFileInput
        inputRef={input}
        accept={DOCUMENT_ACCEPT}
        onFile={(file) => {
          void read(file);
        }}
      />
      <div role="status">
        {step.kind === 'reading' ? <p>{t('import.reading')}</p> : null}
        {step.kind === 'preview' ? <p>{t('import.outline.preview', { name: step.name })}</p> : null}
        {step.kind === 'creating' ? (
          <p>{t('import.outline.progress', { done: step.done, count: step.count })}</p>
        ) : null}
      </div>
      <div ref={result} tabIndex={-1} className="document-outline__result">
        {step.kind === 'done' ? <DoneNotice step={step} /> : null}
        {step.kind === 'failed' ? <FailedNotice step={step} /> : null}
      </div>
      {step.kind === 'preview' ? (
        <>
          {step.levelCount > 1 ? (
            <SelectField
              label={t('import.outline.levels')}
              hint={t(step.levelCount > 2 ? 'import.outline.levelsHint.3' : 'import.outline.levelsHint.2')}
              value={String(step.levels)}
              options={Array.from({ length: step.levelCount }, (_, index) => ({
                value: String(index + 1),
                label: t(LEVEL_LABELS[index] ?? 'import.outline.levels.1'),
              }))}
              onChange={(event) => {
                void cutAt(Number(event.target.value));
              }}
            />
          ) : null}
          <ChapterList step={step} taken={taken} parent={null} onChoose={choose} />
          <div className="document-outline__actions">
            <Button
              ref={createButton}
              disabled={chosen === 0}
              onClick={() => {
                void create(step);
              }}
            >
              {t(chosen === 1 ? 'import.outline.create.one' : 'import.outline.create.other', {
                count: chosen,
              })}
            </Button>
            <Button variant="secondary" onClick={reset}>
              {t('import.outline.cancel')}
            </Button>
          </div>
        </>
      ) : (
        <Button
          ref={chooseButton}
          variant="secondary"
          disabled={step.kind === 'reading' || step.kind === 'creating'}
          onClick={() => {
            input.current?.click();
          }}
        >
          {t('import.outline.choose')}
        </Button>
      )}
    </Card>
  );
}

interface ChapterListProps {
  step: Extract<OutlineImportStep, { kind: 'preview' }>;
  taken: readonly boolean[];
  parent: number | null;
  onChoose: (index: number, chosen: boolean) => void;
}

/** The chapters under `parent`, each with its subsections nested below it. */
function ChapterList({ step, taken, parent, onChoose }: ChapterListProps) {
  const t = useT();
  return (
    <ol className="document-outline__chapters">
      {step.chapters.map((chapter, index) =>
        chapter.parent === parent ? (
          <li key={`${String(index)}-${chapter.title}`}>
            <CheckboxField
              label={
                <>
                  {chapter.title}
                  {chapter.numbered ? null : <span className="muted"> ({t('import.outline.unnumbered')})</span>}{' '}
                  <WordCount words={chapter.words} target={null} />
                </>
              }
              checked={taken[index] === true}
              // A subsection of a chapter left out is left out with it.
              disabled={chapter.parent !== null && taken[chapter.parent] !== true}
              onChange={(event) => {
                onChoose(index, event.target.checked);
              }}
            />
            {step.chapters.some((other) => other.parent === index) ? (
              <ChapterList step={step} taken={taken} parent={index} onChoose={onChoose} />
            ) : null}
          </li>
        ) : null,
      )}
    </ol>
  );
}

function DoneNotice({ step }: { step: Extract<OutlineImportStep, { kind: 'done' }> }) {
  const t = useT();
  return (
    <Alert tone="success">
      <p>
        {t(step.count === 1 ? 'import.outline.done.one' : 'import.outline.done.other', { count: step.count })}
      </p>
      {step.missingAlt > 0 ? (
        <p>
          {t(step.missingAlt === 1 ? 'import.outline.missingAlt.one' : 'import.outline.missingAlt.other', {
            count: step.missingAlt,
          })}
        </p>
      ) : null}
      {step.failedImages > 0 ? (
        <p>
          {t('import.outline.imagesFailed', {
            count: step.failedImages,
            reason: uploadErrorText(t, step.imageFailure),
          })}
        </p>
      ) : null}
      {step.leftOut > 0 ? (
        <p>
          {step.leftOut === 1 ? t('import.leftOutOne') : t('import.leftOutMany', { count: step.leftOut })}
        </p>
      ) : null}
    </Alert>
  );
}

function FailedNotice({ step }: { step: Extract<OutlineImportStep, { kind: 'failed' }> }) {
  const t = useT();
  return (
    <>
      {step.error instanceof ImportError ? (
        <Alert tone="error" live="alert">
          <p>{t(`import.failed.${step.error.failure}`, { name: step.name })}</p>
        </Alert>
      ) : (
        <ErrorAlert error={step.error} />
      )}
      {step.count > 0 ? <p>{t('import.outline.stopped', { done: step.done, count: step.count })}</p> : null}
    </>
  );
}
