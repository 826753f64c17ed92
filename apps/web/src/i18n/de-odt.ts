/** German messages of the editable ODT download (docs/export.md, "ODT"), registered in dictionaries.ts. */
export const deOdt = {
  'exports.odt.title': 'Bearbeitbare Fassung',
  'exports.odt.intro':
    'Für LibreOffice und andere Textverarbeitungen: der Bericht als OpenDocument-Text (ODT), mit Überschriften, Fußnoten, Tabellen, Abbildungen und Verzeichnissen. Was Sie dort ändern, kommt nicht zurück in Kapitel.',
  'exports.odt.draft': 'Aktuellen Stand als ODT herunterladen',
  'exports.odt.final': 'Endfassung als ODT herunterladen',
  'protocol.action.export.odt_downloaded': 'ODT heruntergeladen ({mode})',
} as const;
