import { useEffect, useRef } from 'react';

/** Coming back more often than this (switching tabs back and forth) loads nothing again. */
const AT_MOST_EVERY_MS = 5_000;

/**
 * Calls `reload` when the user comes back to the tab (it becomes visible again), for pages
 * that follow no project's event stream (the projects page): what others did meanwhile, a
 * section assigned or approved, shows without a manual reload. `reload` may be a new
 * function on every render; the latest one is called.
 */
export function useReloadOnReturn(reload: () => void): void {
  const latest = useRef(reload);
  useEffect(() => {
    latest.current = reload;
  });
  useEffect(() => {
    let last = 0;
    const onVisible = (): void => {
      if (document.visibilityState !== 'visible' || Date.now() - last < AT_MOST_EVERY_MS) {
        return;
      }
      last = Date.now();
      latest.current();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);
}
