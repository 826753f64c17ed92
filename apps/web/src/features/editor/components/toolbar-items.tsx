import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { HEADING_LEVELS } from '@kapitel/editor';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n';
import { hasHeaderRow } from '../internal/table-captions';
import { insertTable } from '../internal/tables';
import { keepSelectionForReturn } from '../internal/keep-selection';
import {
  AltTextIcon,
  BoldIcon,
  BulletListIcon,
  CitationIcon,
  CrossRefIcon,
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
import { SubscriptIcon, SuperscriptIcon } from './toolbar-script-icons';

export interface ToolbarItem {
  key: string;
  label: string;
  /** What the button shows; decorative when `label` names it. */
  face: ReactNode;
  /** Shown as text instead of an icon (table tools): then the face is the name. */
  textual?: boolean;
  pressed?: boolean;
  disabled?: boolean;
  /** In aria-keyshortcuts' form ("Control+B"); shown in the tooltip in the reader's words. */
  shortcut?: string;
  expanded?: boolean;
  controls?: string;
  /** Opens a dialog (aria-haspopup). */
  dialog?: boolean;
  /** `focusEditor`: clicked with a pointer (back to the text); from the keyboard the focus stays here. */
  run: (focusEditor: boolean) => void;
}

export interface ToolbarGroup {
  key: string;
  /** Named for screen readers (and on screen) when the group is contextual: the table's tools. */
  label?: string;
  items: ToolbarItem[];
}

/** The key of the table tools' group. */
export const TABLE_TOOLS_GROUP = 'tableTools';

export interface ToolbarActions {
  linkOpen: boolean;
  linkDialogId: string;
  onLink: () => void;
  onInsertImage: () => void;
  onEditAlt: () => void;
  onFootnote: () => void;
  /** "Querverweis einfügen", or "Querverweis ändern" while a cross-reference is selected. */
  onCrossRef: () => void;
  /** "Quelle zitieren", or "Zitat ändern" while a citation is selected. */
  onCitation: () => void;
  /** "Tabellenbeschriftung": the caption dialog of the table the cursor is in. */
  onTableCaption: () => void;
}

function Glyph({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <span className={`editor-glyph${className ? ` ${className}` : ''}`} aria-hidden="true">
      {children}
    </span>
  );
}

/**
 * The toolbar's buttons in their groups, following the selection. Undo and redo come
 * first, as in common word processors. The buttons that do not fit in the row move into the
 * "Mehr" menu, least important first (toolbar-overflow.ts ranks them); the groups say where
 * the dividers are, in the row and in the menu. The table's tools are a group of their own,
 * there only while the cursor is in a table.
 */
export function useToolbarGroups(editor: Editor, actions: ToolbarActions): ToolbarGroup[] {
  const { t, language } = useI18n();
  const german = language === 'de';
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      paragraph:
        current.isActive('paragraph') && !current.isActive('listItem') && !current.isActive('blockquote'),
      heading: HEADING_LEVELS.find((level) => current.isActive('heading', { level })) ?? null,
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      underline: current.isActive('underline'),
      strike: current.isActive('strike'),
      superscript: current.isActive('superscript'),
      subscript: current.isActive('subscript'),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      blockquote: current.isActive('blockquote'),
      link: current.isActive('link'),
      inTable: current.isActive('table'),
      headerRow: current.isActive('table') && hasHeaderRow(current),
      // Cells selected across (Shift+arrows, or a drag) merge; a merged cell splits again.
      canMergeCells: current.isActive('table') && current.can().mergeCells(),
      canSplitCell: current.isActive('table') && current.can().splitCell(),
      image: current.isActive('image'),
      footnote: current.isActive('footnote'),
      // A reference to a section, a figure or a table: the cross-reference dialog changes each.
      crossRef: current.isActive('sectionRef') || current.isActive('figureRef'),
      citation: current.isActive('citation'),
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
  const tableTool = (
    key: string,
    label: string,
    run: (focus: boolean) => void,
    more: Partial<ToolbarItem> = {},
  ): ToolbarItem => ({
    key,
    label,
    face: label,
    textual: true,
    run,
    ...more,
  });

  const groups: ToolbarGroup[] = [
    {
      key: 'history',
      items: [
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
    },
    {
      key: 'blocks',
      items: [
        {
          key: 'paragraph',
          label: t('editor.paragraph'),
          face: <Glyph>¶</Glyph>,
          pressed: active.paragraph && active.heading === null,
          shortcut: 'Control+Alt+0',
          run: (focus) => chain(focus).setParagraph().run(),
        },
        ...HEADING_LEVELS.map((level): ToolbarItem => ({
          key: `heading${level}`,
          label: t('editor.heading', { level }),
          face: <Glyph>{t('editor.headingGlyph', { level })}</Glyph>,
          pressed: active.heading === level,
          shortcut: `Control+Alt+${level}`,
          run: (focus) => chain(focus).toggleHeading({ level }).run(),
        })),
      ],
    },
    {
      key: 'marks',
      items: [
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
        {
          key: 'strike',
          label: t('editor.strike'),
          face: <Glyph className="editor-glyph--strike">S</Glyph>,
          pressed: active.strike,
          shortcut: 'Control+Shift+S',
          run: (focus) => chain(focus).toggleStrike().run(),
        },
        {
          key: 'superscript',
          label: t('editor.superscript'),
          face: <SuperscriptIcon />,
          pressed: active.superscript,
          shortcut: 'Control+.',
          run: (focus) => chain(focus).toggleSuperscript().run(),
        },
        {
          key: 'subscript',
          label: t('editor.subscript'),
          face: <SubscriptIcon />,
          pressed: active.subscript,
          shortcut: 'Control+,',
          run: (focus) => chain(focus).toggleSubscript().run(),
        },
      ],
    },
    {
      key: 'lists',
      items: [
        {
          key: 'bulletList',
          label: t('editor.bulletList'),
          face: <BulletListIcon />,
          pressed: active.bulletList,
          shortcut: 'Control+Shift+8',
          run: (focus) => chain(focus).toggleBulletList().run(),
        },
        {
          key: 'orderedList',
          label: t('editor.orderedList'),
          face: <OrderedListIcon />,
          pressed: active.orderedList,
          shortcut: 'Control+Shift+7',
          run: (focus) => chain(focus).toggleOrderedList().run(),
        },
        {
          key: 'blockquote',
          label: t('editor.blockquote'),
          face: <QuoteIcon />,
          pressed: active.blockquote,
          shortcut: 'Control+Shift+B',
          run: (focus) => chain(focus).toggleBlockquote().run(),
        },
      ],
    },
    {
      key: 'inserts',
      items: [
        {
          key: 'link',
          label: t('editor.link'),
          face: <LinkIcon />,
          pressed: active.link,
          expanded: actions.linkOpen,
          controls: actions.linkOpen ? actions.linkDialogId : undefined,
          dialog: true,
          run: actions.onLink,
        },
        {
          key: 'footnote',
          // A selected footnote would be replaced by a new one: the button edits it instead.
          label: active.footnote ? t('footnotes.editSelected') : t('footnotes.insert'),
          face: <FootnoteIcon />,
          dialog: true,
          run: actions.onFootnote,
        },
        {
          key: 'crossRef',
          // As with footnotes: a selected reference is changed, not replaced by a second one.
          label: active.crossRef ? t('crossRefs.change') : t('crossRefs.insert'),
          face: <CrossRefIcon />,
          dialog: true,
          run: actions.onCrossRef,
        },
        {
          key: 'citation',
          label: active.citation ? t('citations.change') : t('citations.insert'),
          face: <CitationIcon />,
          dialog: true,
          run: actions.onCitation,
        },
        {
          key: 'hardBreak',
          label: t('editor.hardBreak'),
          face: <HardBreakIcon />,
          shortcut: 'Shift+Enter',
          run: (focus) => chain(focus).setHardBreak().run(),
        },
      ],
    },
    {
      key: 'objects',
      items: [
        {
          key: 'table',
          label: t('editor.table'),
          face: <TableIcon />,
          disabled: active.inTable,
          run: (focus) => {
            if (!focus) {
              keepSelectionForReturn(editor);
            }
            insertTable(editor, focus);
          },
        },
        {
          key: 'image',
          label: t('images.insert'),
          face: <ImageIcon />,
          dialog: true,
          run: actions.onInsertImage,
        },
        {
          key: 'altText',
          label: t('images.editAlt'),
          face: <AltTextIcon />,
          dialog: true,
          // Only for a selected image; it stays reachable, saying so by aria-disabled.
          disabled: !active.image,
          run: actions.onEditAlt,
        },
      ],
    },
  ];
  if (active.inTable) {
    groups.push({
      key: TABLE_TOOLS_GROUP,
      label: t('editor.tableTools'),
      items: [
        tableTool('rowAfter', t('editor.rowAfter'), (focus) => chain(focus).addRowAfter().run()),
        tableTool('rowDelete', t('editor.rowDelete'), (focus) => chain(focus).deleteRow().run()),
        tableTool('columnAfter', t('editor.columnAfter'), (focus) => chain(focus).addColumnAfter().run()),
        tableTool('columnDelete', t('editor.columnDelete'), (focus) => chain(focus).deleteColumn().run()),
        // The header row a toggle that says whether the first row is one; the caption's dialog.
        tableTool('headerRow', t('tables.headerRow'), (focus) => chain(focus).toggleHeaderRow().run(), {
          pressed: active.headerRow,
        }),
        tableTool('mergeCells', t('tables.mergeCells'), (focus) => chain(focus).mergeCells().run(), {
          disabled: !active.canMergeCells,
        }),
        tableTool('splitCell', t('tables.splitCell'), (focus) => chain(focus).splitCell().run(), {
          disabled: !active.canSplitCell,
        }),
        tableTool('tableCaption', t('tables.caption'), actions.onTableCaption, { dialog: true }),
        // Last: the one that takes the table away.
        tableTool('tableDelete', t('editor.tableDelete'), (focus) => chain(focus).deleteTable().run()),
      ],
    });
  }
  return groups;
}
