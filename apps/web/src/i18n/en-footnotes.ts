import type { deFootnotes } from './de-footnotes';

/** English messages of footnotes in the editor (see de-footnotes.ts). */
export const enFootnotes: Record<keyof typeof deFootnotes, string> = {
  'footnotes.insert': 'Insert footnote',
  'footnotes.editSelected': 'Edit footnote',
  'footnotes.marker': 'Footnote {number}',
  'footnotes.list': 'Footnotes',
  'footnotes.listHint': 'In the PDF, footnotes stand at the foot of the page, numbered through the whole report.',
  'footnotes.edit': 'Edit',
  'footnotes.editOf': 'Edit footnote {number}',
  'footnotes.opensInNewTab': '(opens in a new tab)',
  'footnotes.dialog.insertTitle': 'Insert footnote',
  'footnotes.dialog.editTitle': 'Edit footnote {number}',
  'footnotes.dialog.text': 'Footnote text',
  'footnotes.dialog.textHint': 'For example the source: author, title, year, page. At most {max} characters; Enter takes the text.',
  'footnotes.dialog.textRequired': 'Please enter the text of the footnote.',
  'footnotes.dialog.insert': 'Insert',
  'footnotes.dialog.apply': 'Apply',
  'footnotes.dialog.remove': 'Delete footnote',
  'footnotes.dialog.gone': 'This footnote no longer exists: someone has deleted or changed it meanwhile.',
  'footnotes.inserted': 'Footnote {number} inserted.',
  'footnotes.changed': 'Footnote {number} changed.',
  'footnotes.removed': 'Footnote deleted.',
};
