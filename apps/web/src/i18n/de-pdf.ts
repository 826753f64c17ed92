/**
 * German messages about what a finished export became (PDF/A level, images without alternative
 * text, cross-references without a target).
 */
export const dePdf = {
  'exports.standard.pdf-a-2a': 'PDF/A-2a',
  'exports.standard.pdf-a-2b': 'PDF/A-2b',
  'exports.standardHint.pdf-a-2a': 'PDF/A-2a: archivfähig und mit Struktur für Screenreader.',
  'exports.standardHint.pdf-a-2b': 'PDF/A-2b: archivfähig.',
  'exports.missingAlt.one':
    '1 Bild hat keinen Alternativtext. Ergänzen Sie ihn im Text (Bild auswählen, „Bildbeschreibung bearbeiten“) oder markieren Sie das Bild als dekorativ: Dann wird die Endfassung PDF/A-2a und ist auch mit Screenreader lesbar.',
  'exports.missingAlt.other':
    '{count} Bilder haben keinen Alternativtext. Ergänzen Sie ihn im Text (Bild auswählen, „Bildbeschreibung bearbeiten“) oder markieren Sie die Bilder als dekorativ: Dann wird die Endfassung PDF/A-2a und ist auch mit Screenreader lesbar.',
  'exports.list.withoutAlt.one': '1 Bild ohne Alternativtext',
  'exports.list.withoutAlt.other': '{count} Bilder ohne Alternativtext',
  'exports.missingRefs.draft.one':
    '1 Querverweis ohne Ziel: im Entwurf als „Verweis fehlt“ markiert, in der Endfassung nur mit dem gemerkten Titel gedruckt.',
  'exports.missingRefs.draft.other':
    '{count} Querverweise ohne Ziel: im Entwurf als „Verweis fehlt“ markiert, in der Endfassung nur mit dem gemerkten Titel gedruckt.',
  'exports.missingRefs.final.one':
    '1 Querverweis ohne Ziel: in der Endfassung nur mit dem gemerkten Titel gedruckt, ohne Link.',
  'exports.missingRefs.final.other':
    '{count} Querverweise ohne Ziel: in der Endfassung nur mit dem gemerkten Titel gedruckt, ohne Link.',
  'exports.missingRefs.fix':
    'Wählen Sie im Text ein neues Ziel oder entfernen Sie den Verweis und exportieren Sie dann erneut.',
} as const;
