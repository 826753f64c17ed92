import type { Editor } from '@tiptap/core';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../../i18n';
import { ToolbarButton } from './toolbar-button';
import { TABLE_TOOLS_GROUP, useToolbarGroups, type ToolbarActions, type ToolbarGroup } from './toolbar-items';
import { ToolbarMoreMenu } from './toolbar-more-menu';
import { useToolbarOverflow } from './toolbar-overflow';
import './toolbar.css';

/** Shown only while the cursor is in a table. */
const TABLE_TOOLS: ReadonlySet<string> = new Set([
  'rowAfter',
  'rowDelete',
  'columnAfter',
  'columnDelete',
  'headerRow',
  'tableCaption',
  'tableDelete',
]);

/** The roving tab stop's key for the "Mehr" button. */
const MORE = 'more';

export interface EditorToolbarProps extends ToolbarActions {
  editor: Editor;
  /** False until the document arrived: the buttons are there but do nothing yet. */
  ready: boolean;
  /** "Bild einfügen": opens the file picker (inside the click, as browsers require). */
  onInsertImage: () => void;
  /** "Bildbeschreibung bearbeiten" (alternative text and caption) for the selected image. */
  onEditAlt: () => void;
  /** "Fußnote einfügen", or "Fußnote bearbeiten" while a footnote is selected. */
  onFootnote: () => void;
}

/**
 * The formatting toolbar: one tab stop, arrow keys (and Home/End) move between the buttons
 * (WAI-ARIA toolbar pattern). Toggles say whether they are on with aria-pressed; buttons
 * that do not apply where the cursor is are aria-disabled, so they stay reachable.
 * Mouse clicks keep the editor's selection (no focus move on mousedown).
 *
 * It is one row, pinned above the text, so that it never eats the writing space: the buttons
 * that do not fit go, least important first, into the "Mehr" menu at its end (toolbar-overflow.ts);
 * the others stay in their groups in their places, and a group left empty goes with its divider.
 * The arrow keys reach "Mehr" as the row's last button. On a phone the
 * groups stay in one line that scrolls sideways instead (toolbar.css): a focused button is
 * scrolled into view by the browser, so the keyboard reaches every one.
 */
export function EditorToolbar({ editor, ready, ...actions }: EditorToolbarProps) {
  const { t, language } = useI18n();
  const [activeKey, setActiveKey] = useState('paragraph');
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const groups = useToolbarGroups(editor, actions);
  const overflow = useToolbarOverflow(groups, language);
  const labelId = useId();

  // Each group with the buttons it has in the row, or in the menu; an empty one is left out.
  const part = (inMenu: boolean): ToolbarGroup[] =>
    groups
      .map((group) => ({
        ...group,
        items: group.items.filter((item) => overflow.hidden.has(item.key) === inMenu),
      }))
      .filter((group) => group.items.length > 0);
  const inRow = part(false);
  // In the row's order, but the table's tools first: they are what the cursor in a table is
  // there for, and opening "Mehr" shows them at once instead of below the rarer formatting.
  const inMenu = part(true).sort(
    (a, b) => Number(b.key === TABLE_TOOLS_GROUP) - Number(a.key === TABLE_TOOLS_GROUP),
  );
  const keys = [
    ...inRow.flatMap((group) => group.items.map((item) => item.key)),
    ...(inMenu.length > 0 ? [MORE] : []),
  ];
  const menuKeys = new Set(inMenu.flatMap((group) => group.items.map((item) => item.key)));
  const present = (key: string) => keys.includes(key);
  // A tool that went into the menu hands the tab stop to "Mehr"; the table tools go when the
  // table does, and the tab stop moves to "insert table" then (or to "Mehr" that holds it).
  const tabStop = present(activeKey)
    ? activeKey
    : menuKeys.has(activeKey)
      ? MORE
      : TABLE_TOOLS.has(activeKey) && present('table')
        ? 'table'
        : TABLE_TOOLS.has(activeKey) && menuKeys.has('table')
          ? MORE
          : (keys[0] ?? '');
  const hasFocus = useRef(false);

  useEffect(() => {
    // The focused button disappeared with the table (deleted from the keyboard) or into the
    // menu: keep the keyboard user in the toolbar instead of losing the focus to the page.
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (tabStop !== activeKey && hasFocus.current && lost) {
      buttons.current.get(tabStop)?.focus();
    }
  }, [tabStop, activeKey]);

  const move = (event: KeyboardEvent<HTMLDivElement>): void => {
    // The open menu has its own keys.
    if (event.target instanceof Element && event.target.closest('[role="menu"]') !== null) {
      return;
    }
    if (event.key === 'Escape') {
      // Back to the text where the cursor was (the way back from Alt+F10).
      event.preventDefault();
      editor.commands.focus();
      return;
    }
    const index = keys.indexOf(tabStop);
    const last = keys.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index <= 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    const key = target === null ? undefined : keys[target];
    if (key === undefined) {
      return;
    }
    event.preventDefault();
    setActiveKey(key);
    buttons.current.get(key)?.focus();
  };

  const register = (key: string) => (element: HTMLButtonElement | null) => {
    if (element === null) {
      buttons.current.delete(key);
    } else {
      buttons.current.set(key, element);
    }
  };

  return (
    <div
      ref={overflow.toolbarRef}
      className="editor-toolbar"
      role="toolbar"
      aria-label={t('editor.toolbar')}
      onKeyDown={move}
      onFocus={() => {
        hasFocus.current = true;
      }}
      onBlur={(event) => {
        // A removed button blurs without a new target; only a real move elsewhere counts.
        if (event.relatedTarget !== null && !event.currentTarget.contains(event.relatedTarget)) {
          hasFocus.current = false;
        }
      }}
    >
      {inRow.map((group) => (
        <div
          key={group.key}
          data-toolbar-group={group.key}
          className={`editor-toolbar__group editor-toolbar__group--${group.key}`}
          role={group.label === undefined ? undefined : 'group'}
          aria-labelledby={group.label === undefined ? undefined : `${labelId}-${group.key}`}
        >
          {group.label === undefined ? null : (
            <span id={`${labelId}-${group.key}`} className="editor-toolbar__group-label">
              {group.label}
            </span>
          )}
          {group.items.map((item) => (
            <ToolbarButton
              key={item.key}
              item={item}
              tabIndex={item.key === tabStop ? 0 : -1}
              inactive={!ready || item.disabled === true}
              ref={register(item.key)}
              onFocus={() => {
                setActiveKey(item.key);
              }}
            />
          ))}
        </div>
      ))}
      <ToolbarMoreMenu
        groups={inMenu}
        ready={ready}
        tabIndex={tabStop === MORE ? 0 : -1}
        boxRef={overflow.moreRef}
        buttonRef={register(MORE)}
        onFocus={() => {
          setActiveKey(MORE);
        }}
      />
    </div>
  );
}
