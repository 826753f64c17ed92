/**
 * German messages for the end of a live editing connection (trash, an access that ended,
 * text that could not be saved), kept apart from de.ts (registered in dictionaries.ts).
 */
export const deEndings = {
  'editor.ended.trashed': 'Dieser Abschnitt liegt im Papierkorb.',
  'editor.ended.trashedBack': 'Wird er wiederhergestellt, erscheint der Text hier von selbst wieder.',
  'editor.ended.trashedLead': 'Sie können ihn auf der Projektseite unter „Papierkorb“ wiederherstellen.',
  'editor.ended.toProject': 'Zur Projektseite mit dem Papierkorb',
  'editor.ended.forbiddenUnsaved':
    'Ihr Zugriff auf diesen Abschnitt wurde beendet, bevor der Server Ihre letzten Änderungen bestätigt hat. Sie sind womöglich nicht gespeichert; hier im Text stehen sie noch. Kopieren Sie den Text, damit nichts verloren geht.',
  'editor.ended.unsavedHere':
    'Ihre letzten Änderungen sind nicht gespeichert: Es gibt sie nur hier im Text. Kopieren Sie den Text, damit er nicht verloren geht.',
  'editor.reconnect': 'Erneut verbinden',
  'editor.reconnectRefused': 'Die Verbindung wurde wieder abgelehnt: Sie haben noch keinen Zugriff.',
  'editor.copyText': 'Text kopieren',
  'editor.copied': 'Der Text ist in der Zwischenablage.',
  'editor.copySelected': 'Der Text ist markiert. Kopieren Sie ihn mit Strg+C.',
};
