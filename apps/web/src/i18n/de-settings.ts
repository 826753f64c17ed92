/**
 * German messages of the report settings and of moving sections by drag and drop, kept apart
 * from de.ts. Spread into `de`, so that they are keys of `Messages` like all others.
 */
export const deSettings = {
  'settings.title': 'Berichtseinstellungen',
  'settings.description': 'Titel, Untertitel, Beschreibung, Herausgeber und Sprache des Berichts.',
  'settings.open': 'Berichtseinstellungen ändern',
  'settings.close': 'Berichtseinstellungen schließen',
  'settings.field.title': 'Titel',
  'settings.field.subtitle': 'Untertitel',
  'settings.field.description': 'Beschreibung',
  'settings.field.publisher': 'Herausgeber',
  'settings.field.publisherHint': 'Steht auf dem Titelblatt des PDF, z. B. „Deutscher Städtetag“. Kann leer bleiben.',
  'settings.field.language': 'Sprache des Berichts',
  'settings.field.languageHint': 'Bestimmt Silbentrennung und Beschriftungen im PDF.',
  'settings.optional': 'Kann leer bleiben.',
  'settings.save': 'Einstellungen speichern',
  'settings.saved': 'Gespeichert: Die Berichtseinstellungen sind aktualisiert.',

  'outline.dnd.handle': 'Zum Verschieben ziehen',
  'outline.dnd.dropHere': 'Hierher verschieben',
  'outline.dnd.dropInside': 'Hierher verschieben (als Unterabschnitt)',
};
