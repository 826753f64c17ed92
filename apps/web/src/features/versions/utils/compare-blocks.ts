import type { DiffBlock } from './block-diff';
import { isBlank, toViewNodes, type ViewNode } from './version-content';

/**
 * The kinds of blocks a comparison shows. A table is compared row by row (the cells' text
 * joined by " | "), so that a changed number keeps its row, after its caption; an image by
 * its alternative text, its caption and each footnote as blocks of their own, after the
 * block they are in.
 */
export type CompareKind =
  | 'heading'
  | 'paragraph'
  | 'listItem'
  | 'quote'
  | 'tableCaption'
  | 'row'
  | 'image'
  | 'caption'
  | 'footnote';

export interface CompareBlock extends DiffBlock {
  kind: CompareKind;
  text: string;
  /** A heading's level (2 to 4); not compared (formatting). */
  level?: 2 | 3 | 4;
  /** A list item's bullet or number as shown ("•", "3."); not compared. */
  marker?: string;
}

/** Separates a table row's cells in its compared text. */
export const CELL_SEPARATOR = ' | ';

interface Place {
  quote: boolean;
  /** The marker of the list item the walk is in, '' for its later paragraphs, null outside lists. */
  marker: string | null;
}

/** The text of inline nodes; images and footnotes met on the way are handed to `aside`. */
function inlineText(nodes: readonly ViewNode[], aside: ViewNode[]): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') {
        return node.text;
      }
      if (node.kind === 'break') {
        return '\n';
      }
      if (node.kind === 'image' || node.kind === 'footnote') {
        aside.push(node);
        return '';
      }
      return inlineText(node.children, aside);
    })
    .join('');
}

function asideBlocks(aside: readonly ViewNode[]): CompareBlock[] {
  return aside.flatMap((node) => imageOrNote(node));
}

function imageOrNote(node: ViewNode): CompareBlock[] {
  if (node.kind === 'image') {
    const image: CompareBlock = { kind: 'image', text: node.alt };
    return node.caption.trim() === '' ? [image] : [image, { kind: 'caption', text: node.caption }];
  }
  return node.kind === 'footnote' ? [{ kind: 'footnote', text: node.text }] : [];
}

function textBlock(block: CompareBlock, aside: readonly ViewNode[]): CompareBlock[] {
  // Empty paragraphs (the one kept after a table, blank lines) are no blocks to compare.
  return [...(block.text.trim() === '' ? [] : [block]), ...asideBlocks(aside)];
}

function blocksOfNode(node: ViewNode, place: Place): CompareBlock[] {
  switch (node.kind) {
    case 'heading': {
      const aside: ViewNode[] = [];
      return textBlock({ kind: 'heading', level: node.level, text: inlineText(node.children, aside) }, aside);
    }
    case 'paragraph': {
      const aside: ViewNode[] = [];
      const text = inlineText(node.children, aside);
      const block: CompareBlock =
        place.marker !== null
          ? { kind: 'listItem', text, marker: place.marker }
          : { kind: place.quote ? 'quote' : 'paragraph', text };
      return textBlock(block, aside);
    }
    case 'bulletList':
      return node.children.flatMap((item) => blocksOfItem(item, '•', place));
    case 'orderedList':
      return node.children.flatMap((item, index) => blocksOfItem(item, `${node.start + index}.`, place));
    case 'blockquote':
      return blocksOf(node.children, { ...place, quote: true });
    case 'table': {
      // Read without relying on the field, so that this holds for tables with or without one.
      const caption = 'caption' in node && typeof node.caption === 'string' ? node.caption.trim() : '';
      const rows = node.children.flatMap((row) => blocksOfRow(row));
      return caption === '' ? rows : [{ kind: 'tableCaption', text: caption }, ...rows];
    }
    case 'image':
    case 'footnote':
      return imageOrNote(node);
    case 'text':
    case 'break': {
      // Inline content outside a paragraph (not in the schema): kept as a paragraph of its own.
      const aside: ViewNode[] = [];
      return textBlock({ kind: 'paragraph', text: inlineText([node], aside) }, aside);
    }
    // Outside their table or list (not in the schema): their content is not lost.
    case 'cell':
    case 'listItem':
    case 'tableRow':
      return blocksOf(node.children, place);
  }
}

function blocksOfItem(item: ViewNode, marker: string, place: Place): CompareBlock[] {
  if (item.kind !== 'listItem') {
    return blocksOfNode(item, place);
  }
  // The marker goes with the item's first block only; a nested list brings its own.
  let first = true;
  return item.children.flatMap((child) => {
    const blocks = blocksOfNode(child, { ...place, marker: first ? marker : '' });
    first = false;
    return blocks;
  });
}

function blocksOfRow(row: ViewNode): CompareBlock[] {
  if (row.kind !== 'tableRow') {
    return blocksOfNode(row, { quote: false, marker: null });
  }
  const aside: ViewNode[] = [];
  const cells = row.children.map((cell) =>
    'children' in cell
      ? cell.children
          .map((child) => ('children' in child ? inlineText(child.children, aside) : inlineText([child], aside)))
          .filter((text) => text.trim() !== '')
          .join(' ')
      : '',
  );
  return textBlock({ kind: 'row', text: cells.join(CELL_SEPARATOR) }, aside);
}

function blocksOf(nodes: readonly ViewNode[], place: Place): CompareBlock[] {
  return nodes.flatMap((node) => blocksOfNode(node, place));
}

/**
 * A version's (or the current) text as the blocks a comparison aligns: headings,
 * paragraphs, list items, quotes, table rows, images, captions and footnotes, in reading
 * order. A document whose JSON holds nothing falls back to its plain text's paragraphs,
 * as the version view does.
 */
export function compareBlocks(json: unknown, text: string): CompareBlock[] {
  const nodes = toViewNodes(json);
  if (isBlank(nodes)) {
    return text
      .split(/\n{2,}/)
      .filter((paragraph) => paragraph.trim() !== '')
      .map((paragraph) => ({ kind: 'paragraph', text: paragraph }));
  }
  return blocksOf(nodes, { quote: false, marker: null });
}
