/** German messages of a section's length ("Umfang", docs/outline.md), registered in dictionaries.ts. */
export const deLength = {
  'validation.wholeNumber': 'Bitte geben Sie eine ganze Zahl von {min} bis {max} ein.',
  'length.field': 'Umfang in Wörtern',
  'length.fieldHint': 'Freiwillig. Wer schreibt, sieht unter dem Text, wie weit er ist; gekürzt wird nichts.',
  'length.fact': 'Umfang',
  'length.words.one': '1 Wort',
  'length.words.other': '{count} Wörter',
  'length.progress': '{count} von {target} Wörtern',
  'length.over': 'über dem Umfang',
  'length.total.one': '1 Wort im Bericht',
  'length.total.other': '{count} Wörter im Bericht',
  'protocol.field.targetWords': 'Umfang',
} as const;
