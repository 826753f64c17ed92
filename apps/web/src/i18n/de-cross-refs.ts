/** German messages of cross-references between sections ("Querverweise"), registered in dictionaries.ts. */
export const deCrossRefs = {
  // The words in the text: the same as the PDF prints (libs/export), in the report's language.
  'crossRefs.chapter': 'Kapitel {number}',
  'crossRefs.section': 'Abschnitt {number}',
  'crossRefs.titled': '„{title}“',
  // Said to the editor's user, in the language of the interface.
  'crossRefs.missing': 'Verweis fehlt: „{title}“',
  'crossRefs.spoken': 'Querverweis: {label}',
  'crossRefs.spokenNumbered': 'Querverweis: {label} „{title}“',
  'crossRefs.spokenMissing': 'Querverweis auf einen fehlenden Abschnitt: „{title}“',
  'crossRefs.tooltipMissing': 'Der Abschnitt „{title}“ ist nicht mehr im Bericht (gelöscht oder im Papierkorb).',
  'crossRefs.tooltipFollow': '{target} – {keys}+Klick öffnet den Abschnitt',
  'crossRefs.insert': 'Querverweis einfügen',
  'crossRefs.change': 'Querverweis ändern',
  'crossRefs.dialog.follow': 'Zum Abschnitt „{title}“ gehen',
  'crossRefs.dialog.filter': 'Abschnitte filtern',
  'crossRefs.dialog.filterHint': 'Nach Nummer oder Titel. Die Eingabetaste übernimmt den gewählten Abschnitt.',
  'crossRefs.dialog.sections': 'Ziel des Verweises',
  'crossRefs.dialog.count': '{count} von {total} Abschnitten',
  'crossRefs.dialog.none': 'Kein Abschnitt passt zu „{filter}“.',
  'crossRefs.dialog.empty': 'Der Bericht hat noch keinen anderen Abschnitt.',
  'crossRefs.dialog.loading': 'Die Gliederung wird geladen …',
  'crossRefs.dialog.required': 'Bitte wählen Sie den Abschnitt, auf den verwiesen wird.',
  'crossRefs.dialog.insert': 'Einfügen',
  'crossRefs.dialog.apply': 'Übernehmen',
  'crossRefs.inserted': 'Querverweis auf {label} eingefügt.',
  'crossRefs.changed': 'Querverweis geändert: jetzt auf {label}.',
};
