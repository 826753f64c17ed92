/** German messages of suggested changes in comments, registered in dictionaries.ts. */
export const deSuggestions = {
  'error.SUGGESTION_OUTDATED':
    'Die Stelle wurde seit dem Vorschlag geändert oder gelöscht. Bitte ändern Sie den Text von Hand.',
  'suggestions.toggle': 'Änderung vorschlagen',
  'suggestions.atSelection': 'Vorschlagen',
  'suggestions.hint':
    'Markieren Sie eine Passage im Text und wählen Sie „Kommentieren“ (Strg+Alt+M) oder „Vorschlagen“ für einen neuen Wortlaut. Ohne Markierung gilt der Kommentar dem ganzen Abschnitt.',
  'suggestions.field': 'Neuer Wortlaut',
  'suggestions.fieldHint':
    'Wer den Abschnitt schreibt, kann ihn mit einem Klick übernehmen. Leer lassen, um die Stelle zu streichen.',
  'suggestions.reason': 'Begründung (freiwillig)',
  'suggestions.same': 'Der neue Wortlaut ist derselbe wie bisher.',
  'suggestions.oneLine':
    'Der neue Wortlaut muss in einer Zeile stehen und darf keine Steuerzeichen enthalten.',
  'suggestions.onlySpaces': 'Der neue Wortlaut besteht nur aus Leerzeichen. Um die Stelle zu streichen, lassen Sie das Feld leer.',
  'suggestions.submit': 'Vorschlag senden',
  'suggestions.created': 'Ihr Vorschlag wurde gespeichert.',
  'suggestions.gone': 'Die Stelle wurde inzwischen gelöscht oder ersetzt. Der Vorschlag lässt sich nicht mehr übernehmen.',
  'suggestions.withdrawnBadge': 'Zurückgezogen',
  'suggestions.label': 'Änderungsvorschlag',
  'suggestions.deletion': 'Vorschlag: streichen',
  'suggestions.accept': 'Übernehmen',
  'suggestions.acceptOf': 'Vorschlag von {name} übernehmen',
  'suggestions.decline': 'Ablehnen',
  'suggestions.declineOf': 'Vorschlag von {name} ablehnen',
  'suggestions.acceptedBadge': 'Übernommen',
  'suggestions.declinedBadge': 'Nicht übernommen',
  'suggestions.accepted': 'Der Vorschlag steht jetzt im Text.',
  'suggestions.declined': 'Vorschlag abgelehnt.',
  'suggestions.changed': 'Die Stelle wurde seit dem Vorschlag geändert. Er lässt sich nicht mehr übernehmen.',
  'suggestions.waiting': 'Übernehmen lässt er sich, sobald der Abschnitt wieder bearbeitet werden kann.',
  'notifications.kind.suggestion_accepted': '{actor} hat Ihren Änderungsvorschlag übernommen',
  'notifications.kind.suggested': '{actor} schlägt eine Änderung in Ihrem Abschnitt vor',
  'notifications.kind.commented': '{actor} hat Ihren Abschnitt kommentiert',
  'protocol.action.comment.suggested': 'Änderung vorgeschlagen',
  'protocol.action.comment.anchor_moved': 'Kommentar wieder an seine Textstelle geknüpft (Rückgängig)',
  'protocol.action.comment.suggestion_accepted': 'Änderungsvorschlag übernommen',
} as const;
