/** Messages for a session that ended while the page held unsaved work (sign in again in place). */
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
} as const;
