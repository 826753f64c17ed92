import type { deEndings } from './de-endings';

/** English messages for the end of a live editing connection: exactly the German keys. */
export const enEndings: Record<keyof typeof deEndings, string> = {
  'editor.ended.trashed': 'This section is in the trash.',
  'editor.ended.trashedBack': 'If it is restored, the text comes back here by itself.',
  'editor.ended.trashedLead': 'You can restore it under “Trash” on the project page.',
  'editor.ended.toProject': 'To the project page with the trash',
  'editor.ended.forbiddenUnsaved':
    'Your access to this section ended before the server confirmed your last changes. They may not be saved; they are still here in the text. Copy the text so that nothing is lost.',
  'editor.ended.unsavedHere':
    'Your last changes are not saved: they exist only here in the text. Copy the text so that it is not lost.',
  'editor.reconnect': 'Connect again',
  'editor.reconnectRefused': 'The connection was refused again: you do not have access yet.',
  'editor.copyText': 'Copy text',
  'editor.copied': 'The text is on the clipboard.',
  'editor.copySelected': 'The text is selected. Copy it with Ctrl+C.',
};
