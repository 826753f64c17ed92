import { useEffect, useRef } from 'react';
import { onSignedInAgain } from '../../../lib/api';
import { followProjectEvents } from '../../../lib/use-project-events';
import { CLOSED } from '../internal/close-codes';
import type { CollabSession } from '../internal/collab-session';

/**
 * Brings the live connection back by itself once an end may be over, from what the page's
 * project stream says (no polling, no stream of its own):
 * - `revoked`: the access ended. The socket may not know yet, or never learn it: while it
 *   was away, each new try is refused with a bare 1006, and it would go on trying.
 * - in the trash (4410): after a change of the outline (a restore is one) or a resync, one try.
 * - access ended (4403): after a resync, one try; the stream opens only for a member (again).
 * - write access back with edits the server refused meanwhile: a new connection sends them.
 * - the session ended (4401) and the same person signed in again on this page: one try,
 *   which stores the edits kept meanwhile.
 * A try that is refused changes nothing on screen but the retry state (CollabSession.reconnect).
 */
export function useReconnect(session: CollabSession, projectId: string, canEdit: boolean): void {
  useEffect(
    () =>
      followProjectEvents(projectId, (event) => {
        if (event.type === 'revoked') {
          session.endAccess();
          return;
        }
        const { connection, endedWith } = session.getState();
        if (connection !== 'ended') {
          return;
        }
        const resync = event.type === 'resync';
        const outlineChanged = resync || event.change.topic === 'outline';
        if ((endedWith === CLOSED.gone && outlineChanged) || (endedWith === CLOSED.forbidden && resync)) {
          session.reconnect();
        }
      }),
    [session, projectId],
  );

  useEffect(
    () =>
      onSignedInAgain(() => {
        const { connection, endedWith } = session.getState();
        if (connection === 'ended' && endedWith === CLOSED.sessionEnded) {
          session.reconnect();
        }
      }),
    [session],
  );

  const couldEdit = useRef(canEdit);
  useEffect(() => {
    const { connection, unsaved } = session.getState();
    if (canEdit && !couldEdit.current && unsaved && connection !== 'ended') {
      session.reconnect();
    }
    couldEdit.current = canEdit;
  }, [session, canEdit]);
}
