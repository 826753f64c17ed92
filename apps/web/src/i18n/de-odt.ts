/** German messages of the editable ODT download (docs/export.md, "ODT"), registered in dictionaries.ts. */
export const deOdt = {
  'exports.odt.title': 'Bearbeitbare Fassung',
  'exports.odt.intro':
    'Für LibreOffice und andere Textverarbeitungen: der Bericht als OpenDocument-Text (ODT), mit Überschriften, Fußnoten, Tabellen, Abbildungen und Verzeichnissen. Die Seitenzahlen der Verzeichnisse ergänzt LibreOffice mit „Extras › Aktualisieren › Alles aktualisieren“. Was Sie dort ändern, kommt nicht zurück in Kapitel.',
  'exports.odt.finalLater': 'Die Endfassung als ODT gibt es hier, sobald alle Abschnitte freigegeben sind.',
  'exports.odt.draft': 'Aktuellen Stand als ODT herunterladen',
  'exports.odt.final': 'Endfassung als ODT herunterladen',
  'protocol.action.export.odt_downloaded': 'ODT heruntergeladen ({mode})',
} as const;
