import { editorExtensions } from '@kapitel/editor';
import { generateJSON, type JSONContent } from '@tiptap/core';
import { isAbortError } from '../../../lib/api';
import { uploadImage } from '../api/images-api';
import { placeUploaded, readPastedImages, removeImage } from '../internal/pasted-images';
import { chaptersOf, headingLevelCount, type Chapter } from './chapters';
import type { Block } from './model';
import { documentHtml } from './document-html';
import { readDocumentBlocks } from './read-file';

export type { Chapter } from './chapters';
export { chaptersOf } from './chapters';

/** A document read for an outline: its blocks (cut again when the levels change) and its first cut. */
export interface ReadOutline {
  blocks: Block[];
  chapters: Chapter[];
  /** How many heading levels the document uses, up to the most an import cuts at. */
  levelCount: number;
  leftOut: number;
}

/**
 * An outline made from a document (docs/import.md, "An outline from a document"): the file
 * read into chapters, and each chapter's text as the JSON a new section is filled with. A lazy
 * chunk of the outline page: it brings the editor's schema (Tiptap) along.
 */
export async function readChapters(file: File, untitled: string): Promise<ReadOutline> {
  const read = await readDocumentBlocks(file);
  return {
    blocks: read.blocks,
    chapters: chaptersOf(read.blocks, untitled),
    levelCount: headingLevelCount(read.blocks),
    leftOut: read.leftOut,
  };
}

/** A chapter's text for its section, and what became of its pictures. */
export interface ChapterContent {
  json: JSONContent;
  /** Pictures without alternative text (the section marks them). */
  missingAlt: number;
  /** Pictures the server refused (too large …): left out of the text, the first refusal kept to tell why. */
  failed: number;
  failure: unknown;
}

/**
 * A chapter's text as ProseMirror JSON of the editor schema, its pictures uploaded into the
 * project first (as a paste's are). A picture the server refuses is left out, not the chapter.
 */
export async function chapterJson(
  projectId: string,
  chapter: Chapter,
  signal: AbortSignal,
): Promise<ChapterContent> {
  const html = documentHtml(chapter.blocks);
  const found = readPastedImages(html, { origin: window.location.origin, projectId });
  const result = { missingAlt: 0, failed: 0, failure: null as unknown };
  if (found !== null) {
    [...found.leaving, ...found.tooLarge].forEach(removeImage);
    for (const image of found.pending) {
      if ('src' in image.source) {
        continue; // a document's pictures are all its own bytes
      }
      const { bytes, contentType } = image.source;
      try {
        const blob = new Blob([bytes], { type: contentType });
        placeUploaded(image, await uploadImage(projectId, blob, contentType, { signal }));
        result.missingAlt += image.element.hasAttribute('alt') ? 0 : 1;
      } catch (error) {
        if (isAbortError(error)) {
          throw error;
        }
        removeImage(image.element);
        result.failed += 1;
        result.failure ??= error;
      }
    }
  }
  return { json: generateJSON(found === null ? html : found.body.innerHTML, editorExtensions()), ...result };
}
