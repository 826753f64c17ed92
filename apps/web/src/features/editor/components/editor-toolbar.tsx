import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { HEADING_LEVELS } from '@kapitel/editor';
import { forwardRef, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../../../i18n';
import {
  AltTextIcon,
  BoldIcon,
  BulletListIcon,
  HardBreakIcon,
  FootnoteIcon,
  ImageIcon,
  ItalicIcon,
  LinkIcon,
  OrderedListIcon,
  QuoteIcon,
  RedoIcon,
  TableIcon,
  UnderlineIcon,
  UndoIcon,
} from './toolbar-icons';
import { keepSelectionForReturn } from '../internal/keep-selection';

/** Shown only while the cursor is in a table. */
const TABLE_TOOLS: ReadonlySet<string> = new Set(['rowAfter', 'rowDelete', 'columnAfter', 'columnDelete', 'tableDelete']);

interface ToolbarItem {
  key: string;
  label: string;
  /** What the button shows; decorative when `label` names it. */
  face: ReactNode;
  /** Shown as text instead of an icon (table tools): then the face is the name. */
  textual?: boolean;
  pressed?: boolean;
  disabled?: boolean;
  shortcut?: string;
  expanded?: boolean;
  controls?: string;
  /** Opens a dialog (aria-haspopup). */
  dialog?: boolean;
  /** `focusEditor`: clicked with a pointer (back to the text); from the keyboard the focus stays here. */
  run: (focusEditor: boolean) => void;
}

export interface EditorToolbarProps {
  editor: Editor;
  /** False until the document arrived: the buttons are there but do nothing yet. */
  ready: boolean;
  linkOpen: boolean;
  linkDialogId: string;
  onLink: () => void;
  /** "Bild einfügen": opens the file picker (inside the click, as browsers require). */
  onInsertImage: () => void;
  /** "Bildbeschreibung bearbeiten" (alternative text and caption) for the selected image. */
  onEditAlt: () => void;
  /** "Fußnote einfügen", or "Fußnote bearbeiten" while a footnote is selected. */
  onFootnote: () => void;
}

function Glyph({ children }: { children: ReactNode }) {
  return (
    <span className="editor-glyph" aria-hidden="true">
      {children}
    </span>
  );
}

/**
 * The formatting toolbar: one tab stop, arrow keys (and Home/End) move between the buttons
 * (WAI-ARIA toolbar pattern). Toggles say whether they are on with aria-pressed; buttons
 * that do not apply where the cursor is are aria-disabled, so they stay reachable.
 * Mouse clicks keep the editor's selection (no focus move on mousedown).
 */
export function EditorToolbar({
  editor,
  ready,
  linkOpen,
  linkDialogId,
  onLink,
  onInsertImage,
  onEditAlt,
  onFootnote,
}: EditorToolbarProps) {
  const { t, language } = useI18n();
  const german = language === 'de';
  const [activeKey, setActiveKey] = useState('paragraph');
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      paragraph: current.isActive('paragraph') && !current.isActive('listItem') && !current.isActive('blockquote'),
      heading: HEADING_LEVELS.find((level) => current.isActive('heading', { level })) ?? null,
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      underline: current.isActive('underline'),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      blockquote: current.isActive('blockquote'),
      link: current.isActive('link'),
      inTable: current.isActive('table'),
      image: current.isActive('image'),
      footnote: current.isActive('footnote'),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  });
  const chain = (focusEditor: boolean) => {
    if (focusEditor) {
      return editor.chain().focus();
    }
    keepSelectionForReturn(editor);
    return editor.chain();
  };

  const allGroups: ToolbarItem[][] = [
    [
      {
        key: 'paragraph',
        label: t('editor.paragraph'),
        face: <Glyph>¶</Glyph>,
        pressed: active.paragraph && active.heading === null,
        run: (focus) => chain(focus).setParagraph().run(),
      },
      ...HEADING_LEVELS.map(
        (level): ToolbarItem => ({
          key: `heading${level}`,
          label: t('editor.heading', { level }),
          face: <Glyph>{t('editor.headingGlyph', { level })}</Glyph>,
          pressed: active.heading === level,
          run: (focus) => chain(focus).toggleHeading({ level }).run(),
        }),
      ),
    ],
    [
      {
        key: 'bold',
        label: t('editor.bold'),
        face: <BoldIcon german={german} />,
        pressed: active.bold,
        shortcut: 'Control+B',
        run: (focus) => chain(focus).toggleBold().run(),
      },
      {
        key: 'italic',
        label: t('editor.italic'),
        face: <ItalicIcon german={german} />,
        pressed: active.italic,
        shortcut: 'Control+I',
        run: (focus) => chain(focus).toggleItalic().run(),
      },
      {
        key: 'underline',
        label: t('editor.underline'),
        face: <UnderlineIcon />,
        pressed: active.underline,
        shortcut: 'Control+U',
        run: (focus) => chain(focus).toggleUnderline().run(),
      },
    ],
    [
      {
        key: 'bulletList',
        label: t('editor.bulletList'),
        face: <BulletListIcon />,
        pressed: active.bulletList,
        run: (focus) => chain(focus).toggleBulletList().run(),
      },
      {
        key: 'orderedList',
        label: t('editor.orderedList'),
        face: <OrderedListIcon />,
        pressed: active.orderedList,
        run: (focus) => chain(focus).toggleOrderedList().run(),
      },
      {
        key: 'blockquote',
        label: t('editor.blockquote'),
        face: <QuoteIcon />,
        pressed: active.blockquote,
        run: (focus) => chain(focus).toggleBlockquote().run(),
      },
    ],
    [
      {
        key: 'link',
        label: t('editor.link'),
        face: <LinkIcon />,
        pressed: active.link,
        expanded: linkOpen,
        controls: linkOpen ? linkDialogId : undefined,
        dialog: true,
        run: onLink,
      },
      {
        key: 'hardBreak',
        label: t('editor.hardBreak'),
        face: <HardBreakIcon />,
        shortcut: 'Shift+Enter',
        run: (focus) => chain(focus).setHardBreak().run(),
      },
      {
        key: 'table',
        label: t('editor.table'),
        face: <TableIcon />,
        disabled: active.inTable,
        run: (focus) => chain(focus).insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
      },
      {
        key: 'footnote',
        // A selected footnote would be replaced by a new one: the button edits it instead.
        label: active.footnote ? t('footnotes.editSelected') : t('footnotes.insert'),
        face: <FootnoteIcon />,
        dialog: true,
        run: onFootnote,
      },
    ],
    [
      { key: 'image', label: t('images.insert'), face: <ImageIcon />, dialog: true, run: onInsertImage },
      {
        key: 'altText',
        label: t('images.editAlt'),
        face: <AltTextIcon />,
        dialog: true,
        // Only for a selected image; it stays reachable, saying so by aria-disabled.
        disabled: !active.image,
        run: onEditAlt,
      },
    ],
    active.inTable
      ? [
          { key: 'rowAfter', label: t('editor.rowAfter'), face: t('editor.rowAfter'), textual: true, run: (focus) => chain(focus).addRowAfter().run() },
          { key: 'rowDelete', label: t('editor.rowDelete'), face: t('editor.rowDelete'), textual: true, run: (focus) => chain(focus).deleteRow().run() },
          { key: 'columnAfter', label: t('editor.columnAfter'), face: t('editor.columnAfter'), textual: true, run: (focus) => chain(focus).addColumnAfter().run() },
          { key: 'columnDelete', label: t('editor.columnDelete'), face: t('editor.columnDelete'), textual: true, run: (focus) => chain(focus).deleteColumn().run() },
          { key: 'tableDelete', label: t('editor.tableDelete'), face: t('editor.tableDelete'), textual: true, run: (focus) => chain(focus).deleteTable().run() },
        ]
      : [],
    [
      {
        key: 'undo',
        label: t('editor.undo'),
        face: <UndoIcon />,
        disabled: !active.canUndo,
        shortcut: 'Control+Z',
        run: (focus) => chain(focus).undo().run(),
      },
      {
        key: 'redo',
        label: t('editor.redo'),
        face: <RedoIcon />,
        disabled: !active.canRedo,
        shortcut: 'Control+Shift+Z',
        run: (focus) => chain(focus).redo().run(),
      },
    ],
  ];
  const groups = allGroups.filter((group) => group.length > 0);

  const items = groups.flat();
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
      {groups.map((group, groupIndex) => (
        <div key={group[0]?.key ?? groupIndex} className="editor-toolbar__group">
          {group.map((item) => (
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

interface ToolbarButtonProps {
  item: ToolbarItem;
  tabIndex: number;
  inactive: boolean;
  onFocus: () => void;
}

const ToolbarButton = forwardRef<HTMLButtonElement, ToolbarButtonProps>(function ToolbarButton(
  { item, tabIndex, inactive, onFocus },
  ref,
) {
  return (
    <button
      ref={ref}
      type="button"
      className={`editor-toolbar__button${item.textual ? ' editor-toolbar__button--text' : ''}`}
      tabIndex={tabIndex}
      aria-label={item.textual ? undefined : item.label}
      title={item.textual ? undefined : item.label}
      aria-pressed={item.pressed}
      aria-expanded={item.expanded}
      aria-haspopup={item.dialog === true ? 'dialog' : undefined}
      aria-controls={item.controls}
      aria-keyshortcuts={item.shortcut}
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
