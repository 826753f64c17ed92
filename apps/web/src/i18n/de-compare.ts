/**
 * German messages of the comparison of a version with the current text or another version.
 * Spread into deVersions, so that they are keys of `Messages` like all others.
 */
export const deCompare = {
  'versions.compare': 'Vergleichen',
  'versions.compare.named': 'Vergleichen mit dem aktuellen Text: {name}',
  'versions.compare.with': 'Vergleichen mit',
  'versions.compare.none': 'nichts (nur diese Version zeigen)',
  'versions.compare.current': 'dem aktuellen Text',
  'versions.compare.version': '„{name}“ vom {when}',
  'versions.compare.region': 'Vergleich',
  'versions.compare.sinceCurrent': 'Änderungen seit „{name}“ bis zum aktuellen Text',
  'versions.compare.between': 'Änderungen von „{before}“ ({beforeWhen}) bis „{after}“ ({afterWhen})',
  'versions.compare.noChanges': 'Keine Änderungen am Text.',
  'versions.compare.wordsInserted.one': '1 Wort eingefügt',
  'versions.compare.wordsInserted.other': '{count} Wörter eingefügt',
  'versions.compare.wordsDeleted.one': '1 Wort gelöscht',
  'versions.compare.wordsDeleted.other': '{count} Wörter gelöscht',
  'versions.compare.blocksChanged.one': '1 Absatz geändert',
  'versions.compare.blocksChanged.other': '{count} Absätze geändert',
  'versions.compare.blocksAdded.one': '1 Absatz neu',
  'versions.compare.blocksAdded.other': '{count} Absätze neu',
  'versions.compare.blocksRemoved.one': '1 Absatz entfernt',
  'versions.compare.blocksRemoved.other': '{count} Absätze entfernt',
  'versions.compare.formatting':
    'Verglichen wird der Wortlaut: Änderungen nur an der Formatierung (fett, kursiv, Links, Ebene einer Überschrift) sind nicht markiert.',
  // Read by screen readers before the changed words; <ins> and <del> alone are not announced.
  'versions.compare.inserted': 'eingefügt:',
  'versions.compare.deleted': 'gelöscht:',
  'versions.compare.tag.added': 'Neu',
  'versions.compare.tag.removed': 'Entfernt',
  'versions.compare.tag.changed': 'Geändert',
  'versions.compare.kind.tableCaption': 'Tabellenbeschriftung',
  'versions.compare.kind.row': 'Tabellenzeile',
  'versions.compare.kind.image': 'Bild',
  'versions.compare.kind.caption': 'Bildunterschrift',
  'versions.compare.kind.footnote': 'Fußnote',
  'versions.compare.imageWithoutAlt': '(ohne Alternativtext)',
  'versions.compare.unchanged': '… {count} unveränderte Stellen …',
  'versions.compare.coarse': 'Zu lang für einen Vergleich Wort für Wort: der alte und der neue Text ganz.',
};
