import { forwardRef } from 'react';
import { useT } from '../../../i18n';
import type { ToolbarItem } from './toolbar-items';

/** Apple keyboards have Cmd where the others have Ctrl, and Tiptap's "Mod" follows that. */
const APPLE =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** A shortcut as aria-keyshortcuts wants it, on this platform ("Control+B", on a Mac "Meta+B"). */
export function platformShortcut(shortcut: string): string {
  return APPLE ? shortcut.replace(/\bControl\b/g, 'Meta') : shortcut;
}

const KEY_NAMES = ['Control', 'Shift', 'Alt', 'Meta', 'Enter'] as const;
type KeyName = (typeof KEY_NAMES)[number];

function isKeyName(key: string): key is KeyName {
  return (KEY_NAMES as readonly string[]).includes(key);
}

/**
 * An item's shortcut for aria-keyshortcuts (`shortcut`, on this platform) and in the reader's
 * words for tooltips and the "Mehr" menu (`keys`: "Strg+B"); both undefined without one.
 */
export function useShortcut(item: ToolbarItem): { shortcut?: string; keys?: string } {
  const t = useT();
  const shortcut = item.shortcut === undefined ? undefined : platformShortcut(item.shortcut);
  const keys = shortcut
    ?.split('+')
    .map((key) => (isKeyName(key) ? t(`editor.key.${key}`) : key))
    .join('+');
  return { shortcut, keys };
}

interface ToolbarButtonProps {
  item: ToolbarItem;
  tabIndex: number;
  inactive: boolean;
  onFocus: () => void;
}

/**
 * One button of the toolbar. Its tooltip names the shortcut in the reader's words
 * ("Fett (Strg+B)"); aria-keyshortcuts says it to screen readers.
 */
export const ToolbarButton = forwardRef<HTMLButtonElement, ToolbarButtonProps>(function ToolbarButton(
  { item, tabIndex, inactive, onFocus },
  ref,
) {
  const t = useT();
  const { shortcut, keys } = useShortcut(item);
  const tooltip = keys === undefined ? item.label : t('editor.withShortcut', { label: item.label, keys });
  return (
    <button
      ref={ref}
      type="button"
      className={`editor-toolbar__button${item.textual ? ' editor-toolbar__button--text' : ''}`}
      tabIndex={tabIndex}
      // What the row's measuring (toolbar-overflow.ts) knows the button by.
      data-toolbar-item={item.key}
      aria-label={item.textual ? undefined : item.label}
      title={item.textual && keys === undefined ? undefined : tooltip}
      aria-pressed={item.pressed}
      aria-expanded={item.expanded}
      aria-haspopup={item.dialog === true ? 'dialog' : undefined}
      aria-controls={item.controls}
      aria-keyshortcuts={shortcut}
      aria-disabled={inactive || undefined}
      onFocus={onFocus}
      // Keep the editor's selection: the command runs on the text the user selected.
      onMouseDown={(event) => {
        event.preventDefault();
      }}
      onClick={(event) => {
        if (!inactive) {
          // A click from the keyboard (Enter, Space) has no pointer position: detail is 0.
          item.run(event.detail !== 0);
        }
      }}
    >
      {item.face}
    </button>
  );
});
