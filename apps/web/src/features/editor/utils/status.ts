import type { MessageKey } from '../../../i18n';
import type { CollabState } from '../internal/collab-session';

export type StatusTone = 'ok' | 'busy' | 'problem';

/** The connection and save state in words (and a tone for the dot before them). */
export function describeStatus(state: CollabState, canEdit: boolean): { keys: MessageKey[]; tone: StatusTone } {
  switch (state.connection) {
    case 'ended':
      return { keys: ['editor.status.ended'], tone: 'problem' };
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

