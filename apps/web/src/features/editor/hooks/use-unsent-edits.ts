import { useCallback, useEffect, useRef, useState } from 'react';
import {
  browserStore,
  dropUnsent,
  keepUnsent,
  keptUnsent,
  unsentKey,
  type UnsentEditsStore,
} from '../../../lib/unsent-edits';
import type { CollabSession } from '../internal/collab-session';

/** How long after the last edit the page's unsent edits are written down again. */
const KEEP_AFTER_MS = 400;

export interface UnsentEdits {
  /** When the newest of the edits an earlier page kept was made; null when none came back. */
  restoredFrom: string | null;
  /** Starting over on purpose: what this page kept is given up too. */
  discard: () => void;
}

/**
 * Keeps this page's unsent edits in the browser while there are any (lib/unsent-edits.ts),
 * and brings back those an earlier page of the same person kept for this section, once the
 * stored text has arrived (`ready`). Taken in, they are this page's edits: sent, tracked and
 * kept like its own; where the person may not write, the server refuses them and the page
 * shows them as unsaved, to be copied, until write access comes back.
 */
export function useUnsentEdits(
  session: CollabSession,
  userId: string,
  sectionId: string,
  ready: boolean,
  store: UnsentEditsStore | null = browserStore(),
): UnsentEdits {
  const key = unsentKey(userId, sectionId, session.pageId);
  const [restoredFrom, setRestoredFrom] = useState<string | null>(null);
  const adopted = useRef(false);
  const discarded = useRef(false);

  const keepNow = useCallback((): void => {
    if (store === null || discarded.current) {
      return;
    }
    const pending = session.pendingEdits;
    if (pending === null) {
      dropUnsent(store, key);
    } else {
      keepUnsent(store, key, pending);
    }
  }, [store, session, key]);

  useEffect(() => {
    if (store === null) {
      return undefined;
    }
    let timer: ReturnType<typeof setTimeout> | null = null;
    const later = (_update?: unknown, origin?: unknown): void => {
      if (origin !== undefined && origin === session.provider) {
        return; // someone else's edit: ours did not change
      }
      if (timer !== null) {
        clearTimeout(timer);
      }
      timer = setTimeout(() => {
        timer = null;
        keepNow();
      }, KEEP_AFTER_MS);
    };
    // A page that goes away writes at once: a timer would not run any more.
    const now = (): void => {
      if (timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
      keepNow();
    };
    const hidden = (): void => {
      if (document.visibilityState === 'hidden') {
        now();
      }
    };
    session.doc.on('update', later);
    // Saved (or unsaved again): the record follows. Only then: the state also changes with
    // every move of the others' carets.
    let unsaved = session.getState().unsaved;
    const unsubscribe = session.subscribe(() => {
      if (session.getState().unsaved !== unsaved) {
        unsaved = session.getState().unsaved;
        later();
      }
    });
    window.addEventListener('pagehide', now);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      session.doc.off('update', later);
      unsubscribe();
      window.removeEventListener('pagehide', now);
      document.removeEventListener('visibilitychange', hidden);
      // Leaving the page within the app (or starting over): what is unsent stays kept.
      now();
    };
  }, [store, session, keepNow]);

  useEffect(() => {
    if (store === null || !ready || adopted.current) {
      return;
    }
    adopted.current = true;
    const kept = keptUnsent(store, userId, sectionId, key);
    let newest: string | null = null;
    for (const record of kept) {
      if (session.adoptEdits(record.update)) {
        newest = record.savedAt;
      }
    }
    // Ours now: written under this page's key before the earlier records go.
    keepNow();
    kept.forEach((record) => {
      dropUnsent(store, record.key);
    });
    setRestoredFrom(newest);
  }, [store, ready, userId, sectionId, key, session, keepNow]);

  const discard = useCallback((): void => {
    discarded.current = true;
    if (store !== null) {
      dropUnsent(store, key);
    }
  }, [store, key]);

  return { restoredFrom, discard };
}
