/**
 * German messages of images in the editor (insert, alternative text, paste and drop) and
 * the image errors of the API. Registered in dictionaries.ts, so that they are keys of
 * `MessageKey` like all others.
 */
export const deImages = {
  'error.IMAGE_EMPTY': 'Die Datei ist leer. Bitte wählen Sie eine andere Datei.',
  'error.IMAGE_TOO_LARGE':
    'Das Bild ist zu groß. Verkleinern Sie es (zum Beispiel mit geringerer Auflösung oder als JPEG gespeichert) und versuchen Sie es erneut.',
  'error.IMAGE_TYPE_UNSUPPORTED':
    'Dieses Dateiformat wird nicht unterstützt. Bitte wählen Sie ein Bild im Format PNG, JPEG, GIF oder WebP.',

  'images.insert': 'Bild einfügen',
  'images.editAlt': 'Bildbeschreibung bearbeiten',
  'images.missingAlt': 'Alternativtext fehlt',

  'images.dialog.insertTitle': 'Bild einfügen',
  'images.dialog.editTitle': 'Bildbeschreibung bearbeiten',
  'images.dialog.file': 'Datei: {name} ({size})',
  'images.dialog.alt': 'Alternativtext',
  'images.dialog.altHint':
    'Beschreiben Sie kurz, was das Bild zeigt und was es aussagt, für alle, die es nicht sehen können.',
  'images.dialog.altRequired': 'Bitte beschreiben Sie das Bild oder markieren Sie es als dekorativ.',
  'images.dialog.decorative': 'Dekorativ: kein Alternativtext nötig',
  'images.dialog.decorativeHint':
    'Nur für Bilder, die nichts zum Inhalt beitragen, etwa Schmuckelemente. Vorleseprogramme übergehen sie.',
  'images.dialog.upload': 'Hochladen und einfügen',
  'images.dialog.apply': 'Übernehmen',
  'images.dialog.otherFile': 'Andere Datei wählen',
  'images.dialog.uploading': 'Das Bild wird hochgeladen …',
  'images.dialog.gone': 'Das Bild ist nicht mehr im Text; vielleicht hat es jemand gelöscht.',

  'images.uploading': 'Bild wird hochgeladen …',
  'images.uploadingMany': '{count} Bilder werden hochgeladen …',
  'images.inserted': 'Bild eingefügt.',
  'images.altSaved': 'Bildbeschreibung gespeichert.',
  'images.insertedMissingAlt':
    'Bild eingefügt. Ihm fehlt noch der Alternativtext: Wählen Sie das Bild aus und dann „Bildbeschreibung bearbeiten“.',
  'images.insertedManyMissingAlt':
    '{count} Bilder eingefügt. Ihnen fehlt noch der Alternativtext: Wählen Sie jeweils das Bild aus und dann „Bildbeschreibung bearbeiten“.',
  'images.leftOutOne':
    'Ein Bild aus dem eingefügten Inhalt wurde weggelassen: Kapitel lädt keine Bilder von fremden Adressen. Speichern Sie das Bild und fügen Sie es als Datei ein („Bild einfügen“ oder die Datei in den Text ziehen).',
  'images.leftOutMany':
    '{count} Bilder aus dem eingefügten Inhalt wurden weggelassen: Kapitel lädt keine Bilder von fremden Adressen. Speichern Sie die Bilder und fügen Sie sie als Dateien ein („Bild einfügen“ oder die Dateien in den Text ziehen).',
  'images.failedFile': '„{name}“ wurde nicht eingefügt. {reason}',
  'images.failedPasted': 'Ein Bild aus dem eingefügten Inhalt wurde nicht eingefügt. {reason}',
  'images.readOnlyNow': 'Der Abschnitt kann gerade nicht bearbeitet werden; das Bild wurde nicht eingefügt.',
  'images.network':
    'Keine Verbindung zum Server: Das Bild wurde nicht hochgeladen. Prüfen Sie die Netzwerkverbindung und versuchen Sie es erneut.',
  'images.forbidden': 'Sie dürfen in diesem Projekt keine Bilder einfügen.',
  'images.dismiss': 'Hinweis schließen',
};
