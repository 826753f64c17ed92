import { Extension, type Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, Selection, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/** Blocks one cannot type after: a document ending in one gets a paragraph after it. */
const NEEDS_TRAILING: ReadonlySet<string> = new Set(['table', 'image']);

function endsInTrap(doc: ProseMirrorNode): boolean {
  const last = doc.lastChild;
  return last !== null && NEEDS_TRAILING.has(last.type.name);
}

/** True for what came from Yjs: another person's edit, an undo, the stored text arriving. */
function fromYjs(tr: Transaction): boolean {
  const meta: unknown = tr.getMeta(ySyncPluginKey);
  return typeof meta === 'object' && meta !== null && (meta as { isChangeOrigin?: unknown }).isChangeOrigin === true;
}

/**
 * The document with a paragraph at its end, if it ends in a table (or image): where the
 * caret goes on Ctrl+End and where the next sentence is written.
 */
function withTrailingParagraph(state: EditorState): Transaction | null {
  const paragraph = state.schema.nodes.paragraph;
  if (!endsInTrap(state.doc) || paragraph === undefined) {
    return null;
  }
  return state.tr.insert(state.doc.content.size, paragraph.create());
}

/**
 * Keeps a paragraph after a table at the end of the text, as word processors do, so that
 * there is always a place to write below it.
 *
 * Only the writer whose own edit made the text end in a table adds it, in the same
 * transaction (one Yjs update with the table): changes that come from Yjs never add one.
 * Were every client to add one whenever it saw the text end in a table, two open editors
 * would each add their own, and both would arrive. A text that already ended in a table
 * when it was opened (stored before, or restored) gets its paragraph when someone goes to
 * the end (Ctrl+End, ArrowDown from the last cell also gives ProseMirror's gap cursor).
 */
export const TableComfort = Extension.create({
  name: 'tableComfort',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('trailingParagraph'),
        appendTransaction: (transactions, oldState, newState) => {
          const ownEdit = transactions.some((tr) => tr.docChanged && !fromYjs(tr));
          // "Became": a text that ended in a table before is left to the navigation below.
          if (!ownEdit || endsInTrap(oldState.doc)) {
            return null;
          }
          return withTrailingParagraph(newState);
        },
      }),
    ];
  },

  addKeyboardShortcuts() {
    return {
      // The browser's own Ctrl+End stops in the paragraph before a table at the end.
      'Mod-End': () => toEnd(this.editor, false),
      'Mod-Shift-End': () => toEnd(this.editor, true),
      // And its Ctrl+Home gets lost around the uneditable footnote and cross-reference chips
      // (it left the caret between two paragraphs): both ends are ProseMirror's, not the browser's.
      'Mod-Home': () => toStart(this.editor, false),
      'Mod-Shift-Home': () => toStart(this.editor, true),
    };
  },
});

/** Ctrl+End (with Shift: selecting up to there) to the very end of the text. */
function toEnd(editor: Editor, extend: boolean): boolean {
  const { view } = editor;
  let tr = view.state.tr;
  if (editor.isEditable) {
    tr = withTrailingParagraph(view.state) ?? tr;
  }
  const end = Selection.atEnd(tr.doc);
  const selection = extend ? TextSelection.create(tr.doc, tr.selection.anchor, end.head) : end;
  view.dispatch(tr.setSelection(selection).scrollIntoView());
  return true;
}

/** Ctrl+Home (with Shift: selecting up to there) to the very start of the text. */
function toStart(editor: Editor, extend: boolean): boolean {
  const { view } = editor;
  const { tr } = view.state;
  const start = Selection.atStart(tr.doc);
  const selection = extend ? TextSelection.create(tr.doc, tr.selection.anchor, start.head) : start;
  view.dispatch(tr.setSelection(selection).scrollIntoView());
  return true;
}

/**
 * "Tabelle einfügen": a 3 × 3 table with a header row at the cursor, the cursor in its first
 * cell. On an empty line the table takes the empty paragraph's place, instead of leaving it
 * above the table as a gap.
 */
export function insertTable(editor: Editor, focus: boolean): void {
  const { state } = editor;
  const { $from, empty } = state.selection;
  const emptyLine = empty && $from.parent.type.name === 'paragraph' && $from.parent.content.size === 0 && $from.depth > 0;
  const chain = focus ? editor.chain().focus() : editor.chain();
  if (!emptyLine) {
    chain.insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run();
    return;
  }
  const from = $from.before();
  const to = $from.after();
  chain
    .command(({ tr, dispatch }) => {
      const table = tableNode(editor);
      if (table === null) {
        return false;
      }
      if (dispatch) {
        tr.replaceWith(from, to, table);
        tr.setSelection(TextSelection.near(tr.doc.resolve(from + 1))).scrollIntoView();
      }
      return true;
    })
    .run();
}

/** An empty 3 × 3 table, the first row headers. */
function tableNode(editor: Editor): ProseMirrorNode | null {
  const { table, tableRow, tableHeader, tableCell } = editor.schema.nodes;
  if (table === undefined || tableRow === undefined || tableHeader === undefined || tableCell === undefined) {
    return null;
  }
  const row = (type: typeof tableCell) => tableRow.create(null, [0, 1, 2].map(() => type.createAndFill() ?? type.create()));
  return table.create(null, [row(tableHeader), row(tableCell), row(tableCell)]);
}
