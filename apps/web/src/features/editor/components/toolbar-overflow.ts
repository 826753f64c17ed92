import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { overflowingGroups, type MeasuredGroup } from './toolbar-fit';
import type { ToolbarGroup } from './toolbar-items';

/** As in toolbar.css: up to this width (phones) the row scrolls sideways and has no "Mehr". */
const SCROLLING_ROW = '(max-width: 40rem)';

/**
 * Most important first: headings and text formatting stay longest, then undo and redo. The
 * table's tools come last: in words as they are, they need more room than any editor column
 * has beside the formatting, and placed before the lists they would take those (and all
 * after them) into the menu with them for nothing.
 */
export const GROUP_PRIORITY = [
  'blocks',
  'marks',
  'history',
  'lists',
  'inserts',
  'objects',
  'tableTools',
] as const;

interface Measured {
  /** What the widths were measured for (see `signature` below). */
  signature: string;
  hidden: string[];
}

export interface ToolbarOverflow {
  /** Keys of the groups that are in the "Mehr" menu instead of the row. */
  hidden: ReadonlySet<string>;
  /** The toolbar itself: its width is what the groups have. */
  toolbarRef: (element: HTMLDivElement | null) => void;
  /** Each group in the row, by its key. */
  groupRef: (key: string) => (element: HTMLDivElement | null) => void;
  /** The "Mehr" button's box, measured also while it is not shown. */
  moreRef: (element: HTMLDivElement | null) => void;
}

const px = (value: string): number => Number.parseFloat(value) || 0;

/**
 * Which groups fit in the toolbar's one row, measured on the page (ResizeObserver on the
 * toolbar, so a narrower window, the comments column or a zoom moves groups at once).
 * A group is measured while it is in the row; when the groups or their labels change (a
 * table entered, the language switched, the web font loaded) all are put back in the row
 * for one layout, measured, and the ones that do not fit taken out again before the browser
 * paints. On a phone nothing moves: the row scrolls sideways there (toolbar.css).
 */
export function useToolbarOverflow(groups: readonly ToolbarGroup[], language: string): ToolbarOverflow {
  const [scrolling, setScrolling] = useState(() => window.matchMedia(SCROLLING_ROW).matches);
  const [fonts, setFonts] = useState(0);
  const [measured, setMeasured] = useState<Measured>({ signature: '', hidden: [] });
  const toolbar = useRef<HTMLDivElement | null>(null);
  const more = useRef<HTMLDivElement | null>(null);
  const elements = useRef(new Map<string, HTMLDivElement>());
  const refs = useRef(new Map<string, (element: HTMLDivElement | null) => void>());
  const widths = useRef(new Map<string, number>());
  const divider = useRef(0);

  const signature = [
    language,
    fonts,
    ...groups.map((group) => `${group.key}:${group.items.map((item) => item.label).join(',')}`),
  ].join('|');
  // Until this signature's groups are measured, all of them are in the row.
  const hidden = scrolling || measured.signature !== signature ? [] : measured.hidden;

  const measure = (): void => {
    const row = toolbar.current;
    if (row === null) {
      return;
    }
    if (scrolling) {
      return;
    }
    const rowStyle = getComputedStyle(row);
    const gap = px(rowStyle.columnGap);
    for (const [key, element] of elements.current) {
      const style = getComputedStyle(element);
      const before = px(style.borderLeftWidth) + px(style.paddingLeft);
      widths.current.set(key, element.getBoundingClientRect().width - before);
      if (before > 0) {
        divider.current = gap + before;
      }
    }
    const moreWidth = more.current === null ? 0 : more.current.getBoundingClientRect().width;
    const available = row.clientWidth - px(rowStyle.paddingLeft) - px(rowStyle.paddingRight);
    const sizes: MeasuredGroup[] = groups.map((group) => ({
      key: group.key,
      width: widths.current.get(group.key) ?? 0,
    }));
    const next = overflowingGroups(sizes, GROUP_PRIORITY, {
      available,
      divider: divider.current,
      more: gap + moreWidth,
    });
    if (measured.signature !== signature || next.join() !== measured.hidden.join()) {
      setMeasured({ signature, hidden: next });
    }
  };
  // The latest measure for the observer, which outlives renders.
  const latest = useRef(measure);
  latest.current = measure;

  // Every render: a state update here renders again before the browser paints.
  useLayoutEffect(() => {
    latest.current();
  });

  useEffect(() => {
    const row = toolbar.current;
    if (row === null) {
      return;
    }
    const observer = new ResizeObserver(() => {
      // Observers run between layout and paint: flushed now, the row is never seen overflowing.
      flushSync(() => {
        latest.current();
      });
    });
    observer.observe(row);
    return () => {
      observer.disconnect();
    };
  }, []);

  useEffect(() => {
    const query = window.matchMedia(SCROLLING_ROW);
    const change = (): void => {
      setScrolling(query.matches);
    };
    query.addEventListener('change', change);
    // The web font changes the widths of the worded tools: measure all again once it is there.
    let live = true;
    void document.fonts.ready.then(() => {
      if (live) {
        setFonts((count) => count + 1);
      }
    });
    return () => {
      live = false;
      query.removeEventListener('change', change);
    };
  }, []);

  const groupRef = useCallback((key: string) => {
    let ref = refs.current.get(key);
    if (ref === undefined) {
      ref = (element: HTMLDivElement | null) => {
        if (element === null) {
          elements.current.delete(key);
        } else {
          elements.current.set(key, element);
        }
      };
      refs.current.set(key, ref);
    }
    return ref;
  }, []);
  const toolbarRef = useCallback((element: HTMLDivElement | null) => {
    toolbar.current = element;
  }, []);
  const moreRef = useCallback((element: HTMLDivElement | null) => {
    more.current = element;
  }, []);

  return { hidden: new Set(hidden), toolbarRef, groupRef, moreRef };
}
