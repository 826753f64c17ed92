import { Fragment, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../../i18n';
import { useShortcut } from './toolbar-button';
import { CheckIcon, ChevronDownIcon } from './toolbar-icons';
import { TABLE_TOOLS_GROUP } from './toolbar-items';
import type { ToolbarGroup, ToolbarItem } from './toolbar-items';

interface ToolbarMoreMenuProps {
  /**
   * The buttons that do not fit in the row, in their groups (in the row's order, the table's
   * tools first); none: the button is not shown (but measured).
   */
  groups: readonly ToolbarGroup[];
  /** False until the document arrived: the entries are there but do nothing yet. */
  ready: boolean;
  /** The toolbar's roving tab stop (0 when the button is it). */
  tabIndex: number;
  /** The button's box, for measuring. */
  boxRef: (element: HTMLDivElement | null) => void;
  /** The button, for the toolbar's arrow keys. */
  buttonRef: (element: HTMLButtonElement | null) => void;
  onFocus: () => void;
}

const ENTRY = '[role="menuitem"], [role="menuitemcheckbox"]';

/**
 * "Mehr" at the end of the toolbar: the buttons that do not fit in the row, as a menu
 * (WAI-ARIA menu button). Enter, Space or ↓ open it on its first entry, ↑ on its last; ↑ ↓
 * Home End and a letter move, Escape closes it back onto the button, Tab closes it and goes
 * on. Its entries say what the toolbar's buttons say: name, on (aria-checked), not here
 * (aria-disabled), dialog, shortcut. Clicked, an entry runs and the focus is back in the text;
 * chosen from the keyboard, it runs and the focus is back on "Mehr", as a toolbar button keeps
 * it. Opened by a click, the text keeps the focus and its selection until an entry is clicked.
 */
export function ToolbarMoreMenu({
  groups,
  ready,
  tabIndex,
  boxRef,
  buttonRef,
  onFocus,
}: ToolbarMoreMenuProps) {
  const { t } = useI18n();
  const [wanted, setWanted] = useState(false);
  const open = wanted && groups.length > 0;
  const button = useRef<HTMLButtonElement | null>(null);
  const menu = useRef<HTMLDivElement | null>(null);
  const box = useRef<HTMLDivElement | null>(null);
  // Where the focus goes once the menu is there: opened from the keyboard only.
  const focusOnOpen = useRef<'first' | 'last' | null>(null);
  const buttonId = useId();
  const menuId = useId();

  const entries = (): HTMLElement[] => [...(menu.current?.querySelectorAll<HTMLElement>(ENTRY) ?? [])];

  // No taller than the room below it in the window (a toolbar halfway down a zoomed page left
  // its last entries below the window's edge); it scrolls inside instead. Before it is painted.
  useLayoutEffect(() => {
    const element = menu.current;
    if (!open || element === null) {
      return;
    }
    const room = window.innerHeight - element.getBoundingClientRect().top - 8;
    element.style.maxHeight = `${String(Math.max(160, Math.floor(room)))}px`;
  }, [open]);

  useEffect(() => {
    if (!open) {
      return;
    }
    const where = focusOnOpen.current;
    focusOnOpen.current = null;
    const list = entries();
    (where === 'first' ? list[0] : where === 'last' ? list.at(-1) : undefined)?.focus();
    // Closed by a press anywhere else, and by Escape also while the focus stayed in the text.
    const press = (event: PointerEvent): void => {
      if (!(event.target instanceof Node && box.current?.contains(event.target))) {
        setWanted(false);
      }
    };
    const escape = (event: globalThis.KeyboardEvent): void => {
      if (event.key === 'Escape' && !(event.target instanceof Node && menu.current?.contains(event.target))) {
        // Only the menu closes: the text's own Escape (leaving it) waits for the next press.
        event.preventDefault();
        event.stopPropagation();
        setWanted(false);
      }
    };
    document.addEventListener('pointerdown', press, true);
    document.addEventListener('keydown', escape, true);
    return () => {
      document.removeEventListener('pointerdown', press, true);
      document.removeEventListener('keydown', escape, true);
    };
  }, [open]);

  const show = (where: 'first' | 'last' | null): void => {
    focusOnOpen.current = where;
    setWanted(true);
  };

  const backToButton = (): void => {
    setWanted(false);
    button.current?.focus();
  };

  const run = (item: ToolbarItem, fromPointer: boolean): void => {
    if (fromPointer) {
      setWanted(false);
      item.run(true);
      return;
    }
    // First onto "Mehr": a dialog the command opens then takes the focus from there.
    backToButton();
    item.run(false);
  };

  const keys = (event: KeyboardEvent<HTMLDivElement>): void => {
    const list = entries();
    const index = list.findIndex((entry) => entry === document.activeElement);
    let target: HTMLElement | undefined;
    if (event.key === 'ArrowDown') {
      target = list[(index + 1) % list.length];
    } else if (event.key === 'ArrowUp') {
      target = list[index <= 0 ? list.length - 1 : index - 1];
    } else if (event.key === 'Home') {
      target = list[0];
    } else if (event.key === 'End') {
      target = list.at(-1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      backToButton();
      return;
    } else if (
      event.key.length === 1 &&
      /\S/u.test(event.key) &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey
    ) {
      // Type-ahead: the next entry whose name starts with the letter.
      const letter = event.key.toLocaleLowerCase();
      const after = [...list.slice(index + 1), ...list.slice(0, index + 1)];
      target = after.find((entry) => (entry.dataset.label ?? '').toLocaleLowerCase().startsWith(letter));
    }
    if (target !== undefined) {
      event.preventDefault();
      target.focus();
    }
  };

  return (
    <div
      ref={(element) => {
        box.current = element;
        boxRef(element);
      }}
      className="editor-toolbar__more"
      data-idle={groups.length === 0 || undefined}
    >
      <button
        ref={(element) => {
          button.current = element;
          buttonRef(element);
        }}
        id={buttonId}
        type="button"
        // In a table its tools come first in the menu: the button is marked so (and says so in its description).
        className={`editor-toolbar__button editor-toolbar__more-button${groups[0]?.key === TABLE_TOOLS_GROUP ? ' editor-toolbar__more-button--table' : ''}`}
        tabIndex={groups.length === 0 ? -1 : tabIndex}
        // Named as it reads, as the other buttons are by aria-label.
        aria-label={t('toolbar.more')}
        title={groups[0]?.key === TABLE_TOOLS_GROUP ? t('editor.moreWithTable') : t('editor.more')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onFocus={onFocus}
        // As the toolbar's buttons: the text keeps its selection and the focus.
        onMouseDown={(event) => {
          event.preventDefault();
        }}
        onClick={(event) => {
          if (open) {
            setWanted(false);
          } else {
            // From the keyboard (Enter, Space: no pointer position) onto the first entry.
            show(event.detail === 0 ? 'first' : null);
          }
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            show(event.key === 'ArrowDown' ? 'first' : 'last');
            if (open) {
              (event.key === 'ArrowDown' ? entries()[0] : entries().at(-1))?.focus();
            }
          }
        }}
      >
        <span>{t('toolbar.more')}</span>
        <ChevronDownIcon />
      </button>
      {open ? (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-labelledby={buttonId}
          className="editor-toolbar__menu"
          onKeyDown={keys}
          onBlur={(event) => {
            // Tab, Shift+Tab or a click elsewhere took the focus out of the menu.
            if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) {
              setWanted(false);
            }
          }}
        >
          {groups.map((group, index) => (
            <Fragment key={group.key}>
              {index === 0 ? null : <div role="separator" className="editor-toolbar__menu-separator" />}
              <div role="group" aria-label={group.label}>
                {group.label === undefined ? null : (
                  // Named for screen readers by aria-label above; here for the eye.
                  <div className="editor-toolbar__menu-heading" aria-hidden="true">
                    {group.label}
                  </div>
                )}
                {group.items.map((item) => (
                  <MenuEntry
                    key={item.key}
                    item={item}
                    inactive={!ready || item.disabled === true}
                    onRun={run}
                  />
                ))}
              </div>
            </Fragment>
          ))}
        </div>
      ) : null}
    </div>
  );
}

interface MenuEntryProps {
  item: ToolbarItem;
  inactive: boolean;
  onRun: (item: ToolbarItem, fromPointer: boolean) => void;
}

/** One entry: a tick column for toggles, the tool's icon, its name and its shortcut. */
function MenuEntry({ item, inactive, onRun }: MenuEntryProps) {
  const { shortcut, keys } = useShortcut(item);
  return (
    <button
      type="button"
      role={item.pressed === undefined ? 'menuitem' : 'menuitemcheckbox'}
      className="editor-toolbar__menu-item"
      tabIndex={-1}
      data-label={item.label}
      aria-checked={item.pressed}
      aria-disabled={inactive || undefined}
      aria-haspopup={item.dialog === true ? 'dialog' : undefined}
      aria-expanded={item.expanded}
      aria-controls={item.controls}
      aria-keyshortcuts={shortcut}
      onMouseDown={(event) => {
        event.preventDefault();
      }}
      onClick={(event) => {
        if (!inactive) {
          onRun(item, event.detail !== 0);
        }
      }}
    >
      <span className="editor-toolbar__menu-tick">{item.pressed === true ? <CheckIcon /> : null}</span>
      <span className="editor-toolbar__menu-face">{item.textual === true ? null : item.face}</span>
      <span className="editor-toolbar__menu-label">{item.label}</span>
      {keys === undefined ? null : (
        // Not part of the entry's name (that is the toolbar button's): aria-keyshortcuts says it.
        <span className="editor-toolbar__menu-keys" aria-hidden="true">
          {keys}
        </span>
      )}
    </button>
  );
}
