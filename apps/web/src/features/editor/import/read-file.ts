import { ImportError } from './model';
import { importDocument, type ImportedDocument } from './read-document';

/** Larger files are refused before they are read (a report chapter with its pictures is far smaller). */
export const IMPORT_MAX_FILE_BYTES = 50 * 1024 * 1024;

/** The file types the picker offers; what a file is, is told by its content (read-document.ts). */
export const DOCUMENT_ACCEPT = [
  '.docx',
  '.odt',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
].join(',');

/** Reads a chosen file in the browser: nothing of it goes to the server but the text and images pasted from it. */
export async function readDocumentFile(file: Blob): Promise<ImportedDocument> {
  if (file.size > IMPORT_MAX_FILE_BYTES) {
    throw new ImportError('tooLarge', `the file has ${String(file.size)} bytes`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const parser = new DOMParser();
  return importDocument(bytes, (text) => parser.parseFromString(text, 'application/xml'));
}
