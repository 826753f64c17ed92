import { useEffect, useRef, useState } from 'react';
import { ErrorAlert, useT } from '../../../i18n';
import { isAbortError } from '../../../lib/api';
import { Alert, Button, Card, HiddenFileInput } from '../../../ui';
import { DOCUMENT_ACCEPT, ImportError } from '../../editor';
import type { Chapter } from '../../editor/import/outline-import';
import { createSection, fillSection } from '../api/outline-api';
import { WordCount } from './word-count';

type Step =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'preview'; name: string; chapters: Chapter[]; leftOut: number }
  | { kind: 'creating'; done: number; count: number }
  | { kind: 'done'; count: number; missingAlt: number; leftOut: number }
  | { kind: 'failed'; error: unknown; name: string; done: number; count: number };

/** The reading and the schema are a chunk of their own: the outline page does not load Tiptap for this. */
const outlineImport = () => import('../../editor/import/outline-import');

/**
 * "Gliederung aus einem Dokument" (docs/import.md): the lead picks a Word or OpenDocument
 * draft, sees the sections its chapters become, and creates them at the end of the outline,
 * each filled with its chapter's text. The outline itself follows through the project's events.
 */
export function DocumentOutline({ projectId }: { projectId: string }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const ending = useRef<AbortController | null>(null);
  // Leaving the page stops the uploads of a creation under way (the sections made so far stay).
  useEffect(() => () => ending.current?.abort(), []);

  const read = async (file: File): Promise<void> => {
    setStep({ kind: 'reading' });
    try {
      const { readChapters } = await outlineImport();
      const { chapters, leftOut } = await readChapters(file, t('import.outline.untitled'));
      setStep({ kind: 'preview', name: file.name, chapters, leftOut });
    } catch (error) {
      setStep({ kind: 'failed', error, name: file.name, done: 0, count: 0 });
    }
  };

  const create = async (chapters: Chapter[], leftOut: number, name: string): Promise<void> => {
    const controller = new AbortController();
    ending.current = controller;
    let done = 0;
    let missingAlt = 0;
    try {
      const { chapterJson } = await outlineImport();
      for (const chapter of chapters) {
        if (controller.signal.aborted) {
          return;
        }
        setStep({ kind: 'creating', done: done + 1, count: chapters.length });
        const section = await createSection(projectId, {
          title: chapter.title,
          parentId: null,
          numbered: true,
        });
        if (chapter.blocks.length > 0) {
          const content = await chapterJson(projectId, chapter, controller.signal);
          await fillSection(projectId, section.id, content.json);
          missingAlt += content.missingAlt;
        }
        done += 1;
      }
      setStep({ kind: 'done', count: done, missingAlt, leftOut });
    } catch (error) {
      if (!isAbortError(error)) {
        setStep({ kind: 'failed', error, name, done, count: chapters.length });
      }
    }
  };

  const failureText = (step: Extract<Step, { kind: 'failed' }>): string | null =>
    step.error instanceof ImportError ? t(`import.failed.${step.error.failure}`, { name: step.name }) : null;

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
        {step.kind === 'creating' ? (
          <p>{t('import.outline.progress', { done: step.done, count: step.count })}</p>
        ) : null}
        {step.kind === 'done' ? (
          <Alert tone="success">
            <p>
              {t(step.count === 1 ? 'import.outline.done.one' : 'import.outline.done.other', {
                count: step.count,
              })}
            </p>
            {step.missingAlt > 0 ? <p>{t('import.outline.missingAlt', { count: step.missingAlt })}</p> : null}
            {step.leftOut > 0 ? (
              <p>
                {step.leftOut === 1
                  ? t('import.leftOutOne')
                  : t('import.leftOutMany', { count: step.leftOut })}
              </p>
            ) : null}
          </Alert>
        ) : null}
      </div>
      {step.kind === 'failed' ? (
        <>
          {failureText(step) === null ? (
            <ErrorAlert error={step.error} />
          ) : (
            <Alert tone="error" live="alert">
              <p>{failureText(step)}</p>
            </Alert>
          )}
          {step.done > 0 ? (
            <p>{t('import.outline.stopped', { done: step.done, count: step.count })}</p>
          ) : null}
        </>
      ) : null}
      {step.kind === 'preview' ? (
        <>
          <p>{t('import.outline.preview', { name: step.name })}</p>
          <ol className="document-outline__chapters">
            {step.chapters.map((chapter, index) => (
              <li key={`${String(index)}-${chapter.title}`}>
                {chapter.title} <WordCount words={chapter.words} target={null} />
              </li>
            ))}
          </ol>
          <div className="document-outline__actions">
            <Button
              onClick={() => {
                void create(step.chapters, step.leftOut, step.name);
              }}
            >
              {t(step.chapters.length === 1 ? 'import.outline.create.one' : 'import.outline.create.other', {
                count: step.chapters.length,
              })}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setStep({ kind: 'idle' });
              }}
            >
              {t('import.outline.cancel')}
            </Button>
          </div>
        </>
      ) : (
        <Button
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
