import { newChapterPosition } from '@kapitel/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbortError } from '../../../lib/api';
import type { Block } from '../../editor/import/model';
import type { Chapter } from '../../editor/import/outline-import';
import { createSection, deleteSection, fillSection, getOutline } from '../api/outline-api';

export type OutlineImportStep =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | {
      kind: 'preview';
      name: string;
      blocks: Block[];
      /** How many heading levels become sections (1: chapters only; 2: with subsections …). */
      levels: number;
      levelCount: number;
      chapters: Chapter[];
      chosen: boolean[];
      leftOut: number;
    }
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
 * Which chapters are made: those chosen whose chapter above is made too (a subsection of a
 * chapter left out is left out with it).
 */
export function takenChapters(chapters: readonly Chapter[], chosen: readonly boolean[]): boolean[] {
  const taken: boolean[] = [];
  chapters.forEach((chapter, index) => {
    taken.push(chosen[index] === true && (chapter.parent === null || taken[chapter.parent] === true));
  });
  return taken;
}

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
        const { blocks, chapters, levelCount, leftOut } = await readChapters(file, untitled);
        const chosen = chapters.map(() => true);
        setStep({
          kind: 'preview',
          name: file.name,
          blocks,
          levels: 1,
          levelCount,
          chapters,
          chosen,
          leftOut,
        });
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

  const cutAt = useCallback(
    async (levels: number): Promise<void> => {
      const { chaptersOf } = await outlineImport();
      setStep((current) => {
        if (current.kind !== 'preview') {
          return current;
        }
        const chapters = chaptersOf(current.blocks, untitled, levels);
        return { ...current, levels, chapters, chosen: chapters.map(() => true) };
      });
    },
    [untitled],
  );

  const create = useCallback(
    async (preview: Extract<OutlineImportStep, { kind: 'preview' }>): Promise<void> => {
      if (running.current !== null) {
        return; // a second click while the first one runs
      }
      const controller = new AbortController();
      running.current = controller;
      const taken = takenChapters(preview.chapters, preview.chosen);
      const chapters = preview.chapters.flatMap((chapter, index) =>
        taken[index] === true ? [{ chapter, index }] : [],
      );
      // At once, before anything is awaited: the button goes, a second click finds nothing.
      setStep({ kind: 'creating', done: 1, count: chapters.length });
      const totals = { missingAlt: 0, failedImages: 0, imageFailure: null as unknown };
      let done = 0;
      try {
        const { chapterJson } = await outlineImport();
        // The chapters go in one after another where a new chapter goes: before the annex.
        const first = newChapterPosition(await getOutline(projectId, { signal: controller.signal }));
        // The section made of each chapter (by its index), and how many subsections each has yet.
        const made = new Map<number, string>();
        const children = new Map<number | null, number>();
        for (const { chapter, index } of chapters) {
          if (controller.signal.aborted) {
            return;
          }
          setStep({ kind: 'creating', done: done + 1, count: chapters.length });
          const content =
            chapter.blocks.length === 0 ? null : await chapterJson(projectId, chapter, controller.signal);
          const siblings = children.get(chapter.parent) ?? 0;
          const section = await createSection(projectId, {
            title: chapter.title,
            parentId: chapter.parent === null ? null : (made.get(chapter.parent) ?? null),
            position: chapter.parent === null ? first + siblings : siblings,
            numbered: chapter.numbered,
          });
          children.set(chapter.parent, siblings + 1);
          made.set(index, section.id);
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

  return { step, read, choose, cutAt, create, reset };
}
