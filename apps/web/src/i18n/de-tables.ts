/** German messages of the table tools (caption, header row), registered in dictionaries.ts. */
export const deTables = {
  'tables.caption': 'Tabellenbeschriftung',
  'tables.headerRow': 'Kopfzeile ein/aus',
  'tables.mergeCells': 'Zellen verbinden',
  'tables.splitCell': 'Zelle teilen',
  'tables.dialog.title': 'Tabellenbeschriftung',
  'tables.dialog.field': 'Beschriftung (optional)',
  'tables.dialog.hint':
    'Steht über der Tabelle und im PDF als „Tabelle N: …“, durch den Bericht gezählt und im Tabellenverzeichnis nach dem Inhalt aufgeführt. Leer lassen für keine. Höchstens {max} Zeichen.',
  'tables.dialog.apply': 'Übernehmen',
  'tables.dialog.remove': 'Beschriftung entfernen',
  'tables.dialog.gone': 'Die Tabelle ist nicht mehr da (jemand hat sie gelöscht). Die Beschriftung wurde nicht gesetzt.',
};
