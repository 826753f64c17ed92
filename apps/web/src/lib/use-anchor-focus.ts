import { useEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';

/**
 * A link to a part of a page (`…#anchor`) whose content loads after the page: the browser's
 * own jump finds nothing yet, and would not move keyboard focus anyway. Once `ready` (the
 * part and what stands above it have loaded, so it stays where it is scrolled to), the page
 * scrolls to `target` and focuses it, once for each time the link is followed.
 */
export function useAnchorFocus(anchor: string, ready: boolean, target: RefObject<HTMLElement | null>): void {
  const { hash, key } = useLocation();
  const arrivedFor = useRef<string | null>(null);
  useEffect(() => {
    const element = target.current;
    if (!ready || element === null || hash !== `#${anchor}` || arrivedFor.current === key) {
      return;
    }
    arrivedFor.current = key;
    element.scrollIntoView({ block: 'start' });
    element.focus({ preventScroll: true });
  }, [anchor, ready, target, hash, key]);
}
