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
  'protocol.action.section.content_filled': 'Abschnitt mit Text aus einem Dokument gefüllt',
  'import.outline.title': 'Gliederung aus einem Dokument',
  'import.outline.intro':
    'Für einen Entwurf aus Word oder LibreOffice: jedes Kapitel (jede Überschrift der obersten Ebene) wird ein Abschnitt nach dem letzten Kapitel (vor dem Anhang), mit seinem Text, seinen Fußnoten, Tabellen und Bildern. Zuständigkeiten vergeben Sie danach.',
  'import.outline.choose': 'Dokument wählen (Word, ODT) …',
  'import.outline.preview': 'Aus „{name}“ werden diese Abschnitte angelegt:',
  'import.outline.create.one': '1 Abschnitt anlegen',
  'import.outline.create.other': '{count} Abschnitte anlegen',
  'import.outline.cancel': 'Abbrechen',
  'import.outline.levels': 'Abschnitte aus den Überschriften',
  'import.outline.levels.1': 'nur der 1. Ebene',
  'import.outline.levels.2': 'der 1. und 2. Ebene',
  'import.outline.levels.3': 'der 1. bis 3. Ebene',
  'import.outline.levelsHint.2': 'Bei „der 1. und 2. Ebene“ werden die Überschriften der 2. Ebene zu Unterabschnitten; sonst bleiben sie im Text.',
  'import.outline.levelsHint.3': 'Die Überschriften der gewählten Ebenen werden zu Abschnitten und Unterabschnitten; tiefere bleiben im Text.',
  'import.outline.unnumbered': 'ohne Nummer',
  'import.outline.untitled': 'Ohne Überschrift',
  'import.outline.progress': 'Abschnitt {done} von {count} wird angelegt …',
  'import.outline.done.one': '1 Abschnitt angelegt.',
  'import.outline.done.other': '{count} Abschnitte angelegt.',
  'import.outline.missingAlt.one': 'Ein Bild braucht noch einen Alternativtext; der Abschnitt markiert es.',
  'import.outline.missingAlt.other': '{count} Bilder brauchen noch einen Alternativtext; die Abschnitte markieren sie.',
  'import.outline.imagesFailed': '{count} Bild(er) konnten nicht übernommen werden ({reason}). Der übrige Text steht in den Abschnitten; fügen Sie die Bilder dort neu ein.',
  'import.outline.stopped': 'Abgebrochen nach {done} von {count} Abschnitten; die angelegten bleiben in der Gliederung.',
} as const;
