import type { deImport } from './de-import';

/** English messages of inserting a Word or OpenDocument file into a section (docs/import.md), registered in dictionaries.ts. */
export const enImport: Record<keyof typeof deImport, string> = {
  'import.insert': 'Insert document (Word, ODT) …',
  'import.reading': 'Reading the document …',
  'import.inserted':
    'Document inserted. Headings, lists, tables, footnotes and images were taken over; fonts and colours were not, the report’s template sets them.',
  'import.leftOutOne':
    'One object of the document (a chart, a shape or an image in a format other than PNG, JPEG, GIF or WebP) was not taken over. Insert it as an image.',
  'import.leftOutMany':
    '{count} objects of the document (charts, shapes or images in formats other than PNG, JPEG, GIF or WebP) were not taken over. Insert them as images.',
  'import.failed.notDocument':
    'The file “{name}” is neither a Word document (.docx) nor an OpenDocument text (.odt).',
  'import.failed.oldFormat':
    'The file “{name}” is an old Word document (.doc) or encrypted. Save it in Word or LibreOffice without a password as .docx or .odt, then insert it.',
  'import.failed.damaged': 'The file “{name}” is damaged and cannot be read.',
  'import.failed.tooLarge':
    'The document “{name}” is too large for one section (at most 500,000 characters of text, files up to 50 MB). Split it over several sections.',
  'import.failed.empty': 'The document “{name}” contains no text.',
};
