import type { Editor } from '@tiptap/core';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../../i18n';
import { ToolbarButton } from './toolbar-button';
import { useToolbarGroups, type ToolbarActions } from './toolbar-items';

/** Shown only while the cursor is in a table. */
const TABLE_TOOLS: ReadonlySet<string> = new Set(['rowAfter', 'rowDelete', 'columnAfter', 'columnDelete', 'headerRow', 'tableCaption', 'tableDelete']);

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
 * Mouse clicks keep the editor's selection (no focus move on mousedown). On a phone the
 * groups stay in one line that scrolls sideways (section-editor.css): a focused button is
 * scrolled into view by the browser, so the keyboard reaches every one.
 */
export function EditorToolbar({ editor, ready, ...actions }: EditorToolbarProps) {
  const { t } = useI18n();
  const [activeKey, setActiveKey] = useState('paragraph');
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const groups = useToolbarGroups(editor, actions);
  const labelId = useId();

  const items = groups.flatMap((group) => group.items);
  const present = (key: string) => items.some((item) => item.key === key);
  // The table tools go when the table does: the tab stop moves to "insert table" then.
  const tabStop = present(activeKey)
    ? activeKey
    : TABLE_TOOLS.has(activeKey) && present('table')
      ? 'table'
      : (items[0]?.key ?? '');
  const hasFocus = useRef(false);

  useEffect(() => {
    // The focused button disappeared with the table (deleted from the keyboard): keep the
    // keyboard user in the toolbar instead of losing the focus to the page.
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (tabStop !== activeKey && hasFocus.current && lost) {
      buttons.current.get(tabStop)?.focus();
    }
  }, [tabStop, activeKey]);

  const move = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = items.findIndex((item) => item.key === tabStop);
    const last = items.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? index === last ? 0 : index + 1
        : event.key === 'ArrowLeft'
          ? index <= 0 ? last : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    const item = target === null ? undefined : items[target];
    if (item === undefined) {
      return;
    }
    event.preventDefault();
    setActiveKey(item.key);
    buttons.current.get(item.key)?.focus();
  };

  return (
    <div
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
      {groups.map((group) => (
        <div
          key={group.key}
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
              ref={(element) => {
                if (element === null) {
                  buttons.current.delete(item.key);
                } else {
                  buttons.current.set(item.key, element);
                }
              }}
              onFocus={() => {
                setActiveKey(item.key);
              }}
            />
          ))}
        </div>
      ))}
    </div>
  );
}
