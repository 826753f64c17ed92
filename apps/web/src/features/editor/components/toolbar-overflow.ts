import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { overflowingItems, type MeasuredGroup } from './toolbar-fit';
import type { ToolbarGroup } from './toolbar-items';

/**
 * As in toolbar.css: up to this width (phones held upright) the row scrolls sideways and has
 * no "Mehr". Wider, a desktop at 200 % zoom (1280 px seen as 640) included, tools that do not
 * fit go into "Mehr", where a pointer finds them without scrolling a strip.
 */
const SCROLLING_ROW = '(max-width: 30rem)';

/**
 * The buttons, most important first: they leave the row from the end of this list. Undo and
 * redo, the paragraph styles and bold and italic stay longest; link, lists, image, table,
 * footnote, cross-reference and citation before the rarer formatting, which a report writer needs less
 * often than those. The table's tools (words, not icons, and wide) come last: they are in
 * the row only where every other button fits.
 */
export const ITEM_PRIORITY = [
  'undo',
  'redo',
  'paragraph',
  'heading2',
  'heading3',
  'bold',
  'italic',
  'link',
  'bulletList',
  'orderedList',
  'image',
  'table',
  'footnote',
  'crossRef',
  'citation',
  'underline',
  'heading4',
  'blockquote',
  'strike',
  'superscript',
  'subscript',
  'hardBreak',
  'altText',
  'rowAfter',
  'rowDelete',
  'columnAfter',
  'columnDelete',
  'headerRow',
  'tableCaption',
  'tableDelete',
] as const;

interface Measured {
  /** What the widths were measured for (see `signature` below). */
  signature: string;
  hidden: string[];
}

export interface ToolbarOverflow {
  /** Keys of the buttons that are in the "Mehr" menu instead of the row. */
  hidden: ReadonlySet<string>;
  /** The toolbar itself: its width is what the groups have. */
  toolbarRef: (element: HTMLDivElement | null) => void;
  /** The "Mehr" button's box, measured also while it is not shown. */
  moreRef: (element: HTMLDivElement | null) => void;
}

const px = (value: string): number => Number.parseFloat(value) || 0;

/**
 * Which buttons fit in the toolbar's one row, measured on the page (ResizeObserver on the
 * toolbar, so a narrower window, the comments column or a zoom moves buttons at once).
 * A button is measured while it is in the row (found by its `data-toolbar-item`, its group
 * by `data-toolbar-group`); when the buttons or their labels change (a table entered, the
 * language switched, the web font loaded) all are put back in the row for one layout,
 * measured, and the ones that do not fit taken out again before the browser paints. On a
 * phone nothing moves: the row scrolls sideways there (toolbar.css).
 */
export function useToolbarOverflow(groups: readonly ToolbarGroup[], language: string): ToolbarOverflow {
  const [scrolling, setScrolling] = useState(() => window.matchMedia(SCROLLING_ROW).matches);
  const [fonts, setFonts] = useState(0);
  const [measured, setMeasured] = useState<Measured>({ signature: '', hidden: [] });
  const toolbar = useRef<HTMLDivElement | null>(null);
  const more = useRef<HTMLDivElement | null>(null);
  const widths = useRef(new Map<string, number>());
  const leads = useRef(new Map<string, number>());
  const divider = useRef(0);
  const gap = useRef(0);

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
    const rowGap = px(rowStyle.columnGap);
    for (const element of row.querySelectorAll<HTMLElement>('[data-toolbar-group]')) {
      const key = element.dataset.toolbarGroup ?? '';
      const style = getComputedStyle(element);
      gap.current = px(style.columnGap);
      const before = px(style.borderLeftWidth) + px(style.paddingLeft);
      if (before > 0) {
        divider.current = rowGap + before;
      }
      // The table tools' name before their buttons, with its margins and the gap after it.
      const label = element.querySelector<HTMLElement>(':scope > .editor-toolbar__group-label');
      const labelStyle = label === null ? null : getComputedStyle(label);
      leads.current.set(
        key,
        label === null || labelStyle === null
          ? 0
          : label.getBoundingClientRect().width +
              px(labelStyle.marginLeft) +
              px(labelStyle.marginRight) +
              gap.current,
      );
      for (const item of element.querySelectorAll<HTMLElement>('[data-toolbar-item]')) {
        widths.current.set(item.dataset.toolbarItem ?? '', item.getBoundingClientRect().width);
      }
    }
    const moreWidth = more.current === null ? 0 : more.current.getBoundingClientRect().width;
    const available = row.clientWidth - px(rowStyle.paddingLeft) - px(rowStyle.paddingRight);
    const sizes: MeasuredGroup[] = groups.map((group) => ({
      key: group.key,
      lead: leads.current.get(group.key) ?? 0,
      items: group.items.map((item) => ({ key: item.key, width: widths.current.get(item.key) ?? 0 })),
    }));
    const next = overflowingItems(sizes, ITEM_PRIORITY, {
      available,
      divider: divider.current,
      gap: gap.current,
      more: rowGap + moreWidth,
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

  const toolbarRef = useCallback((element: HTMLDivElement | null) => {
    toolbar.current = element;
  }, []);
  const moreRef = useCallback((element: HTMLDivElement | null) => {
    more.current = element;
  }, []);

  return { hidden: new Set(hidden), toolbarRef, moreRef };
}
