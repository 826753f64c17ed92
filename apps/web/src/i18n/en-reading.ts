import type { deReading } from './de-reading';

/** English messages of the reading view, registered in dictionaries.ts. */
export const enReading: Record<keyof typeof deReading, string> = {
  'reading.link': 'Read the whole report',
  'reading.linkHint': 'All sections on one page, as they stand now.',
  'reading.inContext': 'Read in the whole report',
  'reading.title': 'Read the report',
  'reading.toProject': 'To the project',
  'reading.asOf': 'As of {time}',
  'reading.summary': '{count} sections, {approved} of them approved',
  'reading.reload': 'Reload',
  'reading.loading': 'Loading the report …',
  'reading.reloading': 'Loading …',
  'reading.changedOne': 'One section has changed since.',
  'reading.changedMany': '{count} sections have changed since.',
  'reading.changedHere': 'Changed since',
  'reading.contents': 'Contents',
  'reading.noSections': 'The report has no sections yet.',
  'reading.emptySection': 'No text yet.',
  'reading.open': 'Open',
  'reading.openWhich': 'section {title} in the editor',
  'reading.noteRef': 'Footnote {number}',
  'reading.notesOf': 'Footnotes of {title}',
  'reading.backToText': 'Back to footnote {number} in the text',
  'reading.table': 'Table',
  'reading.print': 'Print',
};
