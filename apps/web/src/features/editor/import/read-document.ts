import { documentHtml } from './document-html';
import { readDocx } from './docx';
import { eachBlock, ImportError, type Block, type ReadDocument } from './model';
import { readOdt } from './odt';
import type { XmlParser } from './xml';
import { openZip } from './zip-reader';

/** A text longer than this is more than one section should hold (and more than one edit may carry). */
export const IMPORT_MAX_CHARACTERS = 500_000;

/** What an imported document gives the editor: its HTML to paste, and what was left out of it. */
export interface ImportedDocument {
  html: string;
  /** Charts, drawn shapes and embedded objects, and images in formats the text cannot show. */
  leftOut: number;
}

const ODT_TYPES = [
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.text-template',
];

/**
 * Reads a Word (.docx) or OpenDocument (.odt) text into blocks. Which of the two it is, is
 * told by its parts, not by the file's name. ImportError says why a file cannot be read.
 */
export async function readDocument(bytes: Uint8Array, parse: XmlParser): Promise<ReadDocument> {
  if (bytes.length === 0) {
    throw new ImportError('empty', 'the file is empty');
  }
  const zip = openZip(bytes);
  let read: ReadDocument;
  if (zip.has('word/document.xml')) {
    read = await readDocx(zip, parse);
  } else if (zip.has('content.xml') && zip.has('mimetype')) {
    const type = (await zip.text('mimetype', 200)).trim();
    if (!ODT_TYPES.includes(type)) {
      throw new ImportError('notDocument', `an OpenDocument of type ${type}, not a text`);
    }
    read = await readOdt(zip, parse);
  } else {
    throw new ImportError('notDocument', 'neither a Word nor an OpenDocument text');
  }
  let showable = false;
  eachBlock(read.blocks, (block) => {
    showable ||=
      block.kind === 'table' ||
      ((block.kind === 'paragraph' || block.kind === 'heading') &&
        block.inlines.some((inline) => inline.kind === 'image' && inline.image.bytes !== null));
  });
  if (countCharacters(read.blocks) === 0 && !showable) {
    throw new ImportError('empty', 'the document has no text');
  }
  return { blocks: read.blocks, leftOut: read.leftOut + countUnshowable(read.blocks) };
}

/** A document read into the HTML the editor pastes at the cursor (one section's worth at most). */
export async function importDocument(bytes: Uint8Array, parse: XmlParser): Promise<ImportedDocument> {
  const read = await readDocument(bytes, parse);
  const characters = countCharacters(read.blocks);
  if (characters > IMPORT_MAX_CHARACTERS) {
    throw new ImportError('tooLarge', `${String(characters)} characters of text`);
  }
  return { html: documentHtml(read.blocks), leftOut: read.leftOut };
}

function countCharacters(blocks: readonly Block[]): number {
  let count = 0;
  eachBlock(blocks, (block) => {
    if (block.kind === 'paragraph' || block.kind === 'heading') {
      block.inlines.forEach((inline) => {
        count +=
          inline.kind === 'text'
            ? inline.text.trim().length
            : inline.kind === 'footnote'
              ? inline.text.length
              : 0;
      });
    }
  });
  return count;
}

function countUnshowable(blocks: readonly Block[]): number {
  let count = 0;
  eachBlock(blocks, (block) => {
    if (block.kind === 'paragraph' || block.kind === 'heading') {
      count += block.inlines.filter(
        (inline) => inline.kind === 'image' && inline.image.bytes === null,
      ).length;
    }
  });
  return count;
}
