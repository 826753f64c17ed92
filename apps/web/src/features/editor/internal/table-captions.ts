import { TableView, tableCaption } from '@kapitel/editor';
import { findParentNodeClosestToPos, type Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { EditorView } from '@tiptap/pm/view';

/**
 * Tiptap's table node view with the table's caption (`attrs.caption`, libs/editor
 * table-caption.ts) as the table's own `<caption>`: shown above it, and the table's accessible
 * name, as in the server's HTML. Not editable in place (one line of plain text, changed in
 * the caption dialog): the element is outside the view's content, so ProseMirror leaves it
 * to us (TableView ignores mutations there) and the caret never enters it.
 */
class CaptionedTableView extends TableView {
  private caption: HTMLTableCaptionElement | null = null;

  constructor(node: ProseMirrorNode, cellMinWidth: number, view?: EditorView, attributes?: Record<string, unknown>) {
    super(node, cellMinWidth, view, attributes);
    this.show(node);
  }

  override update(node: ProseMirrorNode): boolean {
    if (!super.update(node)) {
      return false;
    }
    this.show(node);
    return true;
  }

  private show(node: ProseMirrorNode): void {
    const text = tableCaption(node.attrs.caption);
    if (text === '') {
      this.caption?.remove();
      this.caption = null;
      return;
    }
    if (this.caption === null) {
      this.caption = document.createElement('caption');
      this.caption.className = 'editor-table-caption';
      this.caption.contentEditable = 'false';
      // A table's caption is its first child (before the colgroup the view keeps).
      this.table.prepend(this.caption);
    }
    if (this.caption.textContent !== text) {
      this.caption.textContent = text;
    }
  }
}

/** The schema's table extension (libs/editor CaptionedTable), as far as it is configured here. */
type TableExtension<T> = T & { configure(options: { View: typeof CaptionedTableView }): T };

/** The schema's extensions with tables shown with their captions (CaptionedTableView). */
export function withTableCaptions<T extends { name: string }>(extensions: T[]): T[] {
  // `configure` keeps the schema's options (not resizable) and adds the view.
  return extensions.map((extension) =>
    extension.name === 'table' ? (extension as TableExtension<T>).configure({ View: CaptionedTableView }) : extension,
  );
}

/** The table the cursor is in (the innermost one): where it starts, and its caption ('' for none). */
export interface TableAt {
  pos: number;
  caption: string;
}

export function tableAtSelection(editor: Editor): TableAt | null {
  const found = findParentNodeClosestToPos(editor.state.selection.$from, (node) => node.type.name === 'table');
  return found === undefined ? null : { pos: found.pos, caption: tableCaption(found.node.attrs.caption) };
}

/**
 * Gives the table the cursor is in this caption ('' removes it); false when the cursor is no
 * longer in a table (someone deleted it while the dialog was open). One attribute of the
 * table's Yjs element changes: two writers setting a caption at once, the last one wins,
 * and nobody's rows or cells are touched.
 */
export function setTableCaption(editor: Editor, caption: string): boolean {
  const table = tableAtSelection(editor);
  if (table === null || !editor.isEditable) {
    return false;
  }
  const value = tableCaption(caption) || null;
  return editor
    .chain()
    .command(({ tr }) => {
      tr.setNodeAttribute(table.pos, 'caption', value);
      return true;
    })
    .run();
}

/** Whether the first row of the table the cursor is in is a header row (all its cells header cells). */
export function hasHeaderRow(editor: Editor): boolean {
  const found = findParentNodeClosestToPos(editor.state.selection.$from, (node) => node.type.name === 'table');
  const first = found?.node.firstChild;
  if (first === null || first === undefined || first.childCount === 0) {
    return false;
  }
  let header = true;
  first.forEach((cell) => {
    header &&= cell.type.name === 'tableHeader';
  });
  return header;
}
