import type { deSession } from './de-session';

/** English messages for a session that ended while the page held unsaved work: exactly the German keys. */
export const enSession: Record<keyof typeof deSession, string> = {
  'session.again.title': 'Please sign in again',
  'session.again.text':
    'Your session expired or was ended. Your last changes are not saved yet, but they are kept here: as soon as you sign in again, they are saved.',
  'session.again.submit': 'Sign in again',
  'session.again.discard': 'Discard changes',
  'session.again.discardQuestion': 'The unsaved changes will be lost. Go to the sign-in page anyway?',
  'session.again.discardConfirm': 'Discard',
  'session.logoutQuestion': 'Your last changes are not saved yet and will be lost when you sign out. Sign out anyway?',
  'session.logoutConfirm': 'Sign out anyway',
  'editor.unsent.restored': 'Unsaved changes from {time}, from an earlier session in this browser, were restored and are being saved.',
  'editor.unsent.restoredReadOnly':
    'Unsaved changes from {time}, from an earlier session in this browser, were restored. They can be saved only once you may edit the section again; until then they are kept here.',
  'editor.unsent.restoredSaved': 'Unsaved changes from {time}, from an earlier session in this browser, were restored and saved.',
};
