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
  'protocol.action.section.content_filled': 'Filled the section with text from a document',
  'import.outline.title': 'Outline from a document',
  'import.outline.intro':
    'For a draft from Word or LibreOffice: each chapter (each heading of the top level) becomes a section after the last chapter (before the annex), with its text, footnotes, tables and images. Assign them afterwards.',
  'import.outline.choose': 'Choose document (Word, ODT) …',
  'import.outline.preview': 'These sections will be made from “{name}”:',
  'import.outline.create.one': 'Create 1 section',
  'import.outline.create.other': 'Create {count} sections',
  'import.outline.cancel': 'Cancel',
  'import.outline.levels': 'Sections from the headings',
  'import.outline.levels.1': 'of level 1 only',
  'import.outline.levels.2': 'of levels 1 and 2',
  'import.outline.levels.3': 'of levels 1 to 3',
  'import.outline.levelsHint.2': 'With “levels 1 and 2” the headings of level 2 become subsections; otherwise they stay in the text.',
  'import.outline.levelsHint.3': 'The headings of the chosen levels become sections and subsections; lower ones stay in the text.',
  'import.outline.unnumbered': 'unnumbered',
  'import.outline.untitled': 'Without heading',
  'import.outline.progress': 'Creating section {done} of {count} …',
  'import.outline.done.one': '1 section created.',
  'import.outline.done.other': '{count} sections created.',
  'import.outline.missingAlt.one': 'One image still needs alternative text; the section marks it.',
  'import.outline.missingAlt.other': '{count} images still need alternative text; the sections mark them.',
  'import.outline.imagesFailed': '{count} image(s) could not be taken over ({reason}). The rest of the text is in the sections; insert the images there again.',
  'import.outline.stopped': 'Stopped after {done} of {count} sections; those created stay in the outline.',
};
