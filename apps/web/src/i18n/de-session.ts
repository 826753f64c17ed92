/** Messages for unsaved work across a session's end: signing in again in place, edits kept in the browser. */
export const deSession = {
  'session.again.title': 'Bitte melden Sie sich wieder an',
  'session.again.text':
    'Ihre Sitzung ist abgelaufen oder wurde beendet. Ihre letzten Änderungen sind noch nicht gespeichert, bleiben aber hier erhalten: Sobald Sie sich wieder anmelden, werden sie gespeichert.',
  'session.again.submit': 'Wieder anmelden',
  'session.again.discard': 'Änderungen verwerfen',
  'session.again.discardQuestion': 'Die nicht gespeicherten Änderungen gehen verloren. Trotzdem zur Anmeldeseite?',
  'session.again.discardConfirm': 'Verwerfen',
  'session.logoutQuestion': 'Ihre letzten Änderungen sind noch nicht gespeichert und gehen beim Abmelden verloren. Trotzdem abmelden?',
  'session.logoutConfirm': 'Trotzdem abmelden',
  'editor.unsent.restored':
    'Nicht gespeicherte Änderungen vom {time} aus einer früheren Sitzung in diesem Browser wurden wiederhergestellt und werden gespeichert.',
  'editor.unsent.restoredReadOnly':
    'Nicht gespeicherte Änderungen vom {time} aus einer früheren Sitzung in diesem Browser wurden wiederhergestellt. Gespeichert werden können sie erst, wenn Sie den Abschnitt wieder bearbeiten dürfen; bis dahin bleiben sie hier erhalten.',
  'editor.unsent.restoredSaved':
    'Nicht gespeicherte Änderungen vom {time} aus einer früheren Sitzung in diesem Browser wurden wiederhergestellt und gespeichert.',
} as const;
