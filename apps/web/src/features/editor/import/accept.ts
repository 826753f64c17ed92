/** The file types the picker offers; what a file is, is told by its content (read-document.ts). */
export const DOCUMENT_ACCEPT = [
  '.docx',
  '.odt',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
].join(',');
