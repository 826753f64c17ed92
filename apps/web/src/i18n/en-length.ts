import type { deLength } from './de-length';

/** English messages of a section's length (docs/outline.md), registered in dictionaries.ts. */
export const enLength: Record<keyof typeof deLength, string> = {
  'validation.wholeNumber': 'Please enter a whole number from {min} to {max}.',
  'length.field': 'Length in words',
  'length.fieldHint': 'Optional. Whoever writes sees below the text how far they are; nothing is cut.',
  'length.fact': 'Length',
  'length.words.one': '1 word',
  'length.words.other': '{count} words',
  'length.progress': '{count} of {target} words',
  'length.over': 'over the length',
  'length.total.one': '1 word in the report',
  'length.total.other': '{count} words in the report',
  'protocol.field.targetWords': 'Length',
};
