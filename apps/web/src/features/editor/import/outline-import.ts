import { editorExtensions } from '@kapitel/editor';
import { generateJSON, type JSONContent } from '@tiptap/core';
import { uploadImage } from '../api/images-api';
import { placeUploaded, readPastedImages, removeImage } from '../internal/pasted-images';
import { chaptersOf, type Chapter } from './chapters';
import { documentHtml } from './document-html';
import { readDocumentBlocks } from './read-file';

export type { Chapter } from './chapters';

/**
 * An outline made from a document (docs/import.md, "An outline from a document"): the file
 * read into chapters, and each chapter's text as the JSON a new section is filled with. A lazy
 * chunk of the outline page: it brings the editor's schema (Tiptap) along.
 */
export async function readChapters(
  file: File,
  untitled: string,
): Promise<{ chapters: Chapter[]; leftOut: number }> {
  const read = await readDocumentBlocks(file);
  return { chapters: chaptersOf(read.blocks, untitled), leftOut: read.leftOut };
}

/**
 * A chapter's text as ProseMirror JSON of the editor schema, its pictures uploaded into the
 * project first (as a paste's are); `missingAlt` counts those without alternative text.
 */
export async function chapterJson(
  projectId: string,
  chapter: Chapter,
  signal: AbortSignal,
): Promise<{ json: JSONContent; missingAlt: number }> {
  const html = documentHtml(chapter.blocks);
  const found = readPastedImages(html, { origin: window.location.origin, projectId });
  let missingAlt = 0;
  if (found !== null) {
    [...found.leaving, ...found.tooLarge].forEach(removeImage);
    for (const image of found.pending) {
      if ('src' in image.source) {
        continue; // a document's pictures are all its own bytes
      }
      const { bytes, contentType } = image.source;
      placeUploaded(
        image,
        await uploadImage(projectId, new Blob([bytes], { type: contentType }), contentType, { signal }),
      );
      missingAlt += image.element.hasAttribute('alt') ? 0 : 1;
    }
  }
  return { json: generateJSON(found === null ? html : found.body.innerHTML, editorExtensions()), missingAlt };
}
