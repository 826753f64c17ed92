import type { MessageKey } from '../../../i18n';
import { CLOSED } from '../internal/close-codes';
import type { CollabState } from '../internal/collab-session';

export type StatusTone = 'ok' | 'busy' | 'problem';

/** The connection and save state in words (and a tone for the dot before them). */
export function describeStatus(state: CollabState, canEdit: boolean): { keys: MessageKey[]; tone: StatusTone } {
  switch (state.connection) {
    case 'ended':
      return { keys: state.unsaved ? ['editor.status.ended', 'editor.status.notSaved'] : ['editor.status.ended'], tone: 'problem' };
    case 'connecting':
      return { keys: ['editor.status.connecting'], tone: 'busy' };
    case 'reconnecting':
      return {
        keys: state.unsaved ? ['editor.status.reconnecting', 'editor.status.unsavedOffline'] : ['editor.status.reconnecting'],
        tone: 'problem',
      };
    case 'connected':
      if (!state.synced) {
        return { keys: ['editor.status.connected'], tone: 'busy' };
      }
      if (state.unsaved) {
        // Without the right to edit (any more), waiting would not help: the server refuses them.
        return canEdit
          ? { keys: ['editor.status.connected', 'editor.status.saving'], tone: 'busy' }
          : { keys: ['editor.status.connected', 'editor.status.notSaved'], tone: 'problem' };
      }
      return { keys: canEdit ? ['editor.status.connected', 'editor.status.saved'] : ['editor.status.connected'], tone: 'ok' };
  }
}

const ENDED_MESSAGES: ReadonlyMap<number, MessageKey> = new Map<number, MessageKey>([
  [CLOSED.gone, 'editor.ended.trashed'],
  [CLOSED.forbidden, 'editor.ended.forbidden'],
  [CLOSED.sessionEnded, 'editor.ended.signedOut'],
  [CLOSED.documentTooLarge, 'editor.ended.tooLarge'],
  [CLOSED.frameTooLarge, 'editor.ended.changeTooLarge'],
]);

/**
 * Why the connection ended, in words; for an ended access also that edits were lost with it
 * (they are still in this tab, and said so, never dropped in silence).
 */
export function endedMessage(code: number | null, unsaved: boolean): MessageKey {
  if (code === CLOSED.forbidden && unsaved) {
    return 'editor.ended.forbiddenUnsaved';
  }
  return (code === null ? undefined : ENDED_MESSAGES.get(code)) ?? 'editor.ended.other';
}
