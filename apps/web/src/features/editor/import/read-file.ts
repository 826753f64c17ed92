import { ImportError, type ReadDocument } from './model';
import { importDocument, readDocument, type ImportedDocument } from './read-document';
import type { XmlParser } from './xml';

/** Larger files are refused before they are read (a report chapter with its pictures is far smaller). */
export const IMPORT_MAX_FILE_BYTES = 50 * 1024 * 1024;

async function bytesOf(file: Blob): Promise<Uint8Array> {
  if (file.size > IMPORT_MAX_FILE_BYTES) {
    throw new ImportError('tooLarge', `the file has ${String(file.size)} bytes`);
  }
  return new Uint8Array(await file.arrayBuffer());
}

const browserXml: XmlParser = (text) => new DOMParser().parseFromString(text, 'application/xml');

/** Reads a chosen file in the browser: nothing of it goes to the server but the text and images pasted from it. */
export async function readDocumentFile(file: Blob): Promise<ImportedDocument> {
  return importDocument(await bytesOf(file), browserXml);
}

/** The same, as blocks: for an outline made from the document (chapters.ts). */
export async function readDocumentBlocks(file: Blob): Promise<ReadDocument> {
  return readDocument(await bytesOf(file), browserXml);
}
