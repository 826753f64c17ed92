import { figureCells } from '@kapitel/domain';
import { count } from './json-values';

/**
 * The structure of a section's text as the reading view and the version viewer both render
 * it: blocks around their children, each with its few attributes checked. The two views
 * differ only in their leaves (text with marks, images, references), which stay theirs.
 */

/** A block rendered as its element around its children, with no attributes. */
export type PlainBlock = 'paragraph' | 'bulletList' | 'listItem' | 'blockquote' | 'tableRow';

// Interfaces, each named in a view's own union: that union refers to itself through them,
// which TypeScript resolves lazily only for interfaces (not through an alias like BlockNode).
export interface PlainBlockNode<N> {
  kind: PlainBlock;
  children: N[];
}
export interface HeadingNode<N> {
  kind: 'heading';
  level: 2 | 3 | 4;
  children: N[];
}
export interface OrderedListNode<N> {
  kind: 'orderedList';
  start: number;
  children: N[];
}
export interface CellNode<N> {
  kind: 'cell';
  header: boolean;
  colspan: number;
  rowspan: number;
  children: N[];
  /** In a column of figures, set flush right (libs/domain table-numbers.ts), as the PDF sets it. */
  flushRight?: true;
}

/** A block of a view whose nodes are `N`. */
export type BlockNode<N> = PlainBlockNode<N> | HeadingNode<N> | OrderedListNode<N> | CellNode<N>;

const PLAIN_BLOCKS: Record<string, PlainBlock> = {
  paragraph: 'paragraph',
  bulletList: 'bulletList',
  listItem: 'listItem',
  blockquote: 'blockquote',
  tableRow: 'tableRow',
};

/**
 * The block of ProseMirror `type` around its converted `children`. For `doc` and any type the
 * views do not know, the children alone: their text stays, so nothing goes missing.
 */
export function blockNodes<N>(type: string, attrs: Record<string, unknown>, children: N[]): Array<BlockNode<N> | N> {
  if (type === 'heading') {
    return [{ kind: 'heading', level: attrs.level === 3 || attrs.level === 4 ? attrs.level : 2, children }];
  }
  if (type === 'orderedList') {
    return [{ kind: 'orderedList', start: count(attrs.start, 1, 1_000_000), children }];
  }
  if (type === 'tableCell' || type === 'tableHeader') {
    const [colspan, rowspan] = [count(attrs.colspan, 1, 1000), count(attrs.rowspan, 1, 1000)];
    return [{ kind: 'cell', header: type === 'tableHeader', colspan, rowspan, children }];
  }
  const block = PLAIN_BLOCKS[type];
  return block === undefined ? children : [{ kind: block, children }];
}

/** What the walks below need of a node: its kind, and its children when it has any. */
type Node = { kind: string; children?: readonly Node[] } | { kind: 'text'; text: string };
type Footnote = { kind: 'footnote'; number: number; text: string };

const isFootnote = (node: { kind: string }): node is Footnote => node.kind === 'footnote';

/** The footnotes among `nodes`, in the order of their numbers. */
export function footnotesIn(nodes: readonly Node[]): Array<{ number: number; text: string }> {
  return nodes.flatMap((node) =>
    isFootnote(node) ? [{ number: node.number, text: node.text }] : 'children' in node && node.children ? footnotesIn(node.children) : [],
  );
}

/** True when the nodes hold no words, image, note or reference: a section not written yet. */
export function isBlank(nodes: readonly Node[]): boolean {
  return nodes.every((node) => {
    if (node.kind === 'text' && 'text' in node) {
      return node.text.trim() === '';
    }
    if ('children' in node && node.children) {
      return isBlank(node.children);
    }
    return node.kind === 'break';
  });
}

/** The words of nodes, their text nodes joined. */
export function wordsOf(nodes: readonly Node[]): string {
  return nodes.map((node) => ('text' in node ? node.text : 'children' in node && node.children ? wordsOf(node.children) : '')).join('');
}

/**
 * Marks the cells of a table's columns of figures flush right, as the PDF and the ODT set
 * them; `rows` are the table's rows (the leading rows of header cells its header).
 */
export function markFigureColumns<N extends Node>(rows: readonly N[]): void {
  const cells = rows.map((row) => ('children' in row && row.children ? row.children : []).filter(isCell));
  const headerRows = cells.findIndex((row) => row.length === 0 || !row.every((cell) => cell.header));
  const flush = figureCells(
    cells.map((row, r) =>
      row.map((cell) => ({ ...cell, header: headerRows === -1 || r < headerRows, text: wordsOf(cell.children) })),
    ),
  );
  cells.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (flush[r]?.[c] === true) {
        cell.flushRight = true;
      }
    });
  });
}

const isCell = (node: Node): node is CellNode<Node> & Node => node.kind === 'cell';
