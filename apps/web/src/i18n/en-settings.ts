import type { deSettings } from './de-settings';

/** English messages of the report settings and of drag and drop: exactly the German keys. */
export const enSettings: Record<keyof typeof deSettings, string> = {
  'settings.title': 'Report settings',
  'settings.description': 'Title, subtitle, description, publisher and language of the report.',
  'settings.open': 'Change report settings',
  'settings.close': 'Close report settings',
  'settings.field.title': 'Title',
  'settings.field.subtitle': 'Subtitle',
  'settings.field.description': 'Description',
  'settings.field.publisher': 'Publisher',
  'settings.field.publisherHint': 'Printed on the cover of the PDF, e.g. “Deutscher Städtetag”. May be left empty.',
  'settings.field.language': 'Language of the report',
  'settings.field.languageHint': 'Sets hyphenation and captions in the PDF.',
  'settings.optional': 'May be left empty.',
  'settings.save': 'Save settings',
  'settings.saved': 'Saved: the report settings are up to date.',

  'outline.dnd.handle': 'Drag to move',
  'outline.dnd.dropHere': 'Move here',
  'outline.dnd.dropInside': 'Move here (as a sub-section)',
};
