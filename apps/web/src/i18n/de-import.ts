/** German messages of inserting a Word or OpenDocument file into a section (docs/import.md), registered in dictionaries.ts. */
export const deImport = {
  'import.insert': 'Dokument einfügen (Word, ODT) …',
  'import.reading': 'Dokument wird gelesen …',
  'import.inserted':
    'Dokument eingefügt. Überschriften, Listen, Tabellen, Fußnoten und Bilder wurden übernommen; Schriften und Farben nicht, die setzt die Vorlage des Berichts.',
  'import.leftOutOne':
    'Ein Objekt des Dokuments (Diagramm, Form oder Bild in einem anderen Format als PNG, JPEG, GIF oder WebP) wurde nicht übernommen. Fügen Sie es als Bild ein.',
  'import.leftOutMany':
    '{count} Objekte des Dokuments (Diagramme, Formen oder Bilder in anderen Formaten als PNG, JPEG, GIF oder WebP) wurden nicht übernommen. Fügen Sie sie als Bilder ein.',
  'import.failed.notDocument':
    'Die Datei „{name}“ ist kein Word-Dokument (.docx) und kein OpenDocument-Text (.odt).',
  'import.failed.oldFormat':
    'Die Datei „{name}“ ist ein altes Word-Dokument (.doc) oder verschlüsselt. Speichern Sie sie in Word oder LibreOffice ohne Kennwort als .docx oder .odt und fügen Sie sie dann ein.',
  'import.failed.damaged': 'Die Datei „{name}“ ist beschädigt und kann nicht gelesen werden.',
  'import.failed.tooLarge':
    'Das Dokument „{name}“ ist zu groß für einen Abschnitt (höchstens 500.000 Zeichen Text, Dateien bis 50 MB). Teilen Sie es auf mehrere Abschnitte auf.',
  'import.failed.empty': 'Das Dokument „{name}“ enthält keinen Text.',
} as const;
