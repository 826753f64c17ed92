import { TableView, tableCaption } from '@kapitel/editor';
import { findParentNodeClosestToPos, mergeAttributes, type Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { mayChangeFigures } from './figure-ids';
import { figureLabels, givenFigureContext, NO_FIGURE_CONTEXT, type FigureContext } from './figure-context';

interface NumbersState {
  context: FigureContext;
  decorations: DecorationSet;
}

const numbersKey = new PluginKey<NumbersState>('tableNumbers');

/** Each captioned table's number ("Tabelle 2") for its view, in a node decoration's spec (none while unknown). */
function numbered(doc: ProseMirrorNode, context: FigureContext): DecorationSet {
  const decorations: Decoration[] = [];
  figureLabels(doc, context).forEach((label, pos) => {
    const node = doc.nodeAt(pos);
    if (node?.type.name === 'table') {
      decorations.push(Decoration.node(pos, pos + node.nodeSize, {}, { tableNumber: label }));
    }
  });
  return DecorationSet.create(doc, decorations);
}

function applied(tr: Transaction, previous: NumbersState): NumbersState {
  const context = givenFigureContext(tr) ?? previous.context;
  if (context === previous.context && !tr.docChanged) {
    return previous;
  }
  if (context === previous.context && !mayChangeFigures(tr)) {
    // Typing elsewhere: the tables and their numbers are as they were.
    return { context, decorations: previous.decorations.map(tr.mapping, tr.doc) };
  }
  return { context, decorations: numbered(tr.doc, context) };
}

/** Numbers the captioned tables as the PDF does (the context's report and the tables before in this text). */
export function tableNumbersPlugin(): Plugin<NumbersState> {
  return new Plugin<NumbersState>({
    key: numbersKey,
    state: {
      init: (_config, state) => ({ context: NO_FIGURE_CONTEXT, decorations: numbered(state.doc, NO_FIGURE_CONTEXT) }),
      apply: applied,
    },
    props: {
      decorations: (state) => numbersKey.getState(state)?.decorations,
    },
  });
}

function numberOf(decorations: readonly Decoration[]): string | null {
  for (const decoration of decorations) {
    const value = (decoration.spec as { tableNumber?: string }).tableNumber;
    if (value !== undefined) {
      return value;
    }
  }
  return null;
}

/**
 * Tiptap's table node view with the table's caption (`attrs.caption`, libs/editor
 * table-caption.ts) as the table's own `<caption>`: shown above it, and the table's accessible
 * name, as in the server's HTML, after its number as the PDF prints it ("Tabelle 2: …", from
 * tableNumbersPlugin's decoration; none while the report's tables are not known). Not editable
 * in place (one line of plain text, changed in the caption dialog): the element is outside
 * the view's content, so ProseMirror leaves it to us (TableView ignores mutations there) and
 * the caret never enters it.
 */
class CaptionedTableView extends TableView {
  private caption: HTMLTableCaptionElement | null = null;

  constructor(
    node: ProseMirrorNode,
    cellMinWidth: number,
    view?: EditorView,
    attributes?: Record<string, unknown>,
    decorations: readonly Decoration[] = [],
  ) {
    super(node, cellMinWidth, view, attributes);
    this.show(node, numberOf(decorations));
  }

  override update(node: ProseMirrorNode, decorations: readonly Decoration[] = []): boolean {
    if (!super.update(node)) {
      return false;
    }
    this.show(node, numberOf(decorations));
    return true;
  }

  private show(node: ProseMirrorNode, number: string | null): void {
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
    const shown = number === null ? text : `${number}: ${text}`;
    if (this.caption.textContent !== shown) {
      this.caption.replaceChildren();
      if (number !== null) {
        const numberElement = document.createElement('span');
        numberElement.className = 'editor-figure-number';
        numberElement.textContent = `${number}: `;
        this.caption.append(numberElement);
      }
      this.caption.append(text);
    }
  }
}

/** The schema's table extension (libs/editor CaptionedTable), as far as it is extended here. */
interface TableExtension<T> {
  options: { cellMinWidth: number; HTMLAttributes: Record<string, unknown> };
  extend(config: {
    addNodeView: () => (props: {
      node: ProseMirrorNode;
      view: EditorView;
      HTMLAttributes: Record<string, unknown>;
      decorations: readonly Decoration[];
    }) => CaptionedTableView;
    addProseMirrorPlugins: (this: { parent?: () => Plugin[] }) => Plugin[];
  }): T;
}

/** The schema's extensions with tables shown with their numbered captions (CaptionedTableView). */
export function withTableCaptions<T extends { name: string }>(extensions: T[]): T[] {
  return extensions.map((extension) => {
    if (extension.name !== 'table') {
      return extension;
    }
    const table = extension as unknown as TableExtension<T>;
    // Tiptap's own addNodeView hands the view no decorations; the number comes in one.
    return table.extend({
      addNodeView: () => ({ node, view, HTMLAttributes, decorations }) =>
        new CaptionedTableView(
          node,
          table.options.cellMinWidth,
          view,
          mergeAttributes(table.options.HTMLAttributes, HTMLAttributes),
          decorations,
        ),
      addProseMirrorPlugins() {
        return [...(this.parent?.() ?? []), tableNumbersPlugin()];
      },
    });
  });
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
