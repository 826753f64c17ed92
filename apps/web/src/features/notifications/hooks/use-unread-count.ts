import { useCallback, useEffect, useRef, useState } from 'react';
import { onActivity } from '../../../lib/activity';
import { unreadCount } from '../api/notifications-api';

/** How often the count is asked for while nothing else says that it changed. */
const POLL_MS = 30_000;
/** Events of a project often come in bursts (a comment and its mention): asked once after them. */
const SETTLE_MS = 400;

export interface UnreadCount {
  /** Null until the first answer. */
  unread: number | null;
  /** Sets the count from an answer that carried it (marking read). */
  set: (unread: number) => void;
  refresh: () => void;
}

/**
 * The signed-in user's unread notifications: asked every 30 seconds (not while the tab is
 * hidden; at once when it shows again), and shortly after any event of an open project's
 * stream (`onActivity`), since comments and review steps bring notifications.
 */
export function useUnreadCount(onChange?: () => void): UnreadCount {
  const [unread, setUnread] = useState<number | null>(null);
  const controller = useRef<AbortController | null>(null);
  const last = useRef<number | null>(null);
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  });

  const refresh = useCallback(() => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    unreadCount({ signal: current.signal }).then(
      (count) => {
        const previous = last.current;
        last.current = count;
        setUnread(count);
        if (previous !== null && previous !== count) {
          changed.current?.();
        }
      },
      () => {
        // A failed (or superseded) question keeps the last count; the next one tries again.
      },
    );
  }, []);

  useEffect(() => {
    refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') {
        refresh();
      }
    }, POLL_MS);
    let settle: ReturnType<typeof setTimeout> | null = null;
    const stopActivity = onActivity(() => {
      if (settle !== null) {
        clearTimeout(settle);
      }
      settle = setTimeout(refresh, SETTLE_MS);
    });
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') {
        refresh();
      }
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      if (settle !== null) {
        clearTimeout(settle);
      }
      stopActivity();
      document.removeEventListener('visibilitychange', onVisible);
      controller.current?.abort();
    };
  }, [refresh]);

  const set = useCallback((count: number) => {
    last.current = count;
    setUnread(count);
  }, []);

  return { unread, set, refresh };
}
