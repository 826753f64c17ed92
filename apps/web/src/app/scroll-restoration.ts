import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { NavigationType, useLocation, useNavigationType } from 'react-router';

/** How long Back waits for a page to grow tall enough for its old place (its data loading). */
const GIVE_UP_MS = 5_000;

/** A page that has not grown for this long has loaded what it will (if not as tall as before). */
const SETTLED_MS = 400;

/** Where an entry was scrolled to, and how tall its page was then. */
interface Place {
  y: number;
  height: number;
}

/** What the reader does that ends the wait: they have moved on themselves. */
const INPUT_EVENTS = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const;

/**
 * Back and Forward to another page return to where it was scrolled to, as on a site of whole
 * pages. The browser alone cannot do it here: it restores the place before the page has
 * loaded its data (a
 * long outline), when the page is still too short, and ends at the top. So the place of every
 * history entry is kept with the page's height, and on Back or Forward it is scrolled to once
 * the page is as tall again (its parts have loaded: scrolled to while the outline was still
 * missing, the browser would keep the parts below it in view as it came), or has stopped
 * growing, unless the reader scrolls, types or clicks first.
 *
 * Returns whether a place is being restored, for the focus that moves to the new page's
 * heading: it must not scroll to the top meanwhile.
 */
export function useScrollRestoration(): RefObject<boolean> {
  const location = useLocation();
  const navigation = useNavigationType();
  const places = useRef(new Map<string, Place>());
  const currentKey = useRef(location.key);
  const restoring = useRef(false);
  // Back within one page (a link to a part of it, `#…`) is the browser's own, as it always was.
  const previousPath = useRef(location.pathname);
  const otherPage = useRef(false);

  useEffect(() => {
    const remember = (): void => {
      places.current.set(currentKey.current, { y: window.scrollY, height: document.documentElement.scrollHeight });
    };
    window.addEventListener('scroll', remember, { passive: true });
    return () => {
      window.removeEventListener('scroll', remember);
    };
  }, []);

  // Before anything of the new page can scroll: from here on, scrolling is the new entry's.
  useLayoutEffect(() => {
    currentKey.current = location.key;
    otherPage.current = previousPath.current !== location.pathname;
    previousPath.current = location.pathname;
    restoring.current = otherPage.current && navigation === NavigationType.Pop && (places.current.get(location.key)?.y ?? 0) > 0;
  }, [location.key, navigation]);

  useEffect(() => {
    const place = restoring.current ? places.current.get(location.key) : undefined;
    if (place === undefined) {
      return undefined;
    }
    let observer: ResizeObserver | null = null;
    let giveUp: ReturnType<typeof setTimeout> | null = null;
    let settle: ReturnType<typeof setTimeout> | null = null;
    const stop = (): void => {
      restoring.current = false;
      observer?.disconnect();
      [giveUp, settle].forEach((timer) => {
        if (timer !== null) {
          clearTimeout(timer);
        }
      });
      INPUT_EVENTS.forEach((type) => window.removeEventListener(type, stop));
    };
    const scrollThere = (): void => {
      window.scrollTo(0, place.y);
      stop();
    };
    const grew = (): void => {
      const height = document.documentElement.scrollHeight;
      if (height >= place.height) {
        scrollThere();
        return;
      }
      if (settle !== null) {
        clearTimeout(settle);
      }
      settle = setTimeout(() => {
        if (document.documentElement.scrollHeight - window.innerHeight >= place.y) {
          scrollThere();
        }
      }, SETTLED_MS);
    };
    observer = new ResizeObserver(grew);
    observer.observe(document.body);
    giveUp = setTimeout(stop, GIVE_UP_MS);
    INPUT_EVENTS.forEach((type) => window.addEventListener(type, stop, { passive: true }));
    grew();
    return stop;
  }, [location.key, navigation]);

  return restoring;
}
