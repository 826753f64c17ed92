import type { deTables } from './de-tables';

/** English messages of the table tools (see de-tables.ts). */
export const enTables: Record<keyof typeof deTables, string> = {
  'tables.caption': 'Table caption',
  'tables.headerRow': 'Header row on/off',
  'tables.mergeCells': 'Merge cells',
  'tables.splitCell': 'Split cell',
  'tables.dialog.title': 'Table caption',
  'tables.dialog.field': 'Caption (optional)',
  'tables.dialog.hint':
    'Shown above the table and printed in the PDF as “Table N: …”, numbered through the report and listed in the list of tables after the contents. Leave empty for none. At most {max} characters.',
  'tables.dialog.apply': 'Apply',
  'tables.dialog.remove': 'Remove caption',
  'tables.dialog.gone': 'The table is no longer there (someone deleted it). The caption was not set.',
};
