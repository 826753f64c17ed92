import { newChapterPosition } from '@kapitel/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbortError } from '../../../lib/api';
import type { Chapter } from '../../editor/import/outline-import';
import { createSection, deleteSection, fillSection, getOutline } from '../api/outline-api';

export type OutlineImportStep =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'preview'; name: string; chapters: Chapter[]; chosen: boolean[]; leftOut: number }
  | { kind: 'creating'; done: number; count: number }
  | {
      kind: 'done';
      count: number;
      missingAlt: number;
      leftOut: number;
      failedImages: number;
      imageFailure: unknown;
    }
  | { kind: 'failed'; error: unknown; name: string; done: number; count: number };

/** The reading and the schema are a chunk of their own: the outline page does not load Tiptap for this. */
const outlineImport = () => import('../../editor/import/outline-import');

/**
 * The steps of an outline made from a document (docs/import.md): read, preview with every
 * chapter chosen, create. Each section is made only once its text is ready (pictures
 * uploaded), and taken back to the trash should filling it fail: none is left half made.
 */
export function useDocumentOutline(projectId: string, untitled: string) {
  const [step, setStep] = useState<OutlineImportStep>({ kind: 'idle' });
  const running = useRef<AbortController | null>(null);
  // Leaving the page stops a creation between sections (those made stay, each complete).
  useEffect(() => () => running.current?.abort(), []);

  const read = useCallback(
    async (file: File): Promise<void> => {
      setStep({ kind: 'reading' });
      try {
        const { readChapters } = await outlineImport();
        const { chapters, leftOut } = await readChapters(file, untitled);
        setStep({ kind: 'preview', name: file.name, chapters, chosen: chapters.map(() => true), leftOut });
      } catch (error) {
        setStep({ kind: 'failed', error, name: file.name, done: 0, count: 0 });
      }
    },
    [untitled],
  );

  const choose = useCallback((index: number, chosen: boolean) => {
    setStep((current) =>
      current.kind === 'preview'
        ? { ...current, chosen: current.chosen.map((value, i) => (i === index ? chosen : value)) }
        : current,
    );
  }, []);

  const create = useCallback(
    async (preview: Extract<OutlineImportStep, { kind: 'preview' }>): Promise<void> => {
      if (running.current !== null) {
        return; // a second click while the first one runs
      }
      const controller = new AbortController();
      running.current = controller;
      const chapters = preview.chapters.filter((_, index) => preview.chosen[index]);
      // At once, before anything is awaited: the button goes, a second click finds nothing.
      setStep({ kind: 'creating', done: 1, count: chapters.length });
      const totals = { missingAlt: 0, failedImages: 0, imageFailure: null as unknown };
      let done = 0;
      try {
        const { chapterJson } = await outlineImport();
        // The chapters go in one after another where a new chapter goes: before the annex.
        const first = newChapterPosition(await getOutline(projectId, { signal: controller.signal }));
        for (const chapter of chapters) {
          if (controller.signal.aborted) {
            return;
          }
          setStep({ kind: 'creating', done: done + 1, count: chapters.length });
          const content =
            chapter.blocks.length === 0 ? null : await chapterJson(projectId, chapter, controller.signal);
          const section = await createSection(projectId, {
            title: chapter.title,
            parentId: null,
            position: first + done,
            numbered: chapter.numbered,
          });
          if (content !== null) {
            try {
              await fillSection(projectId, section.id, content.json);
            } catch (error) {
              await deleteSection(projectId, section.id).catch(() => undefined);
              throw error;
            }
            totals.missingAlt += content.missingAlt;
            totals.failedImages += content.failed;
            totals.imageFailure ??= content.failure;
          }
          done += 1;
        }
        setStep({ kind: 'done', count: done, leftOut: preview.leftOut, ...totals });
      } catch (error) {
        if (!isAbortError(error)) {
          setStep({ kind: 'failed', error, name: preview.name, done, count: chapters.length });
        }
      } finally {
        running.current = null;
      }
    },
    [projectId],
  );

  const reset = useCallback(() => {
    setStep({ kind: 'idle' });
  }, []);

  return { step, read, choose, create, reset };
}
