import { figureCells, placeTableCells } from '@kapitel/domain';
import { tableCaption } from '@kapitel/editor';
import { array, attr, forEachNode, integer } from './json-nodes.js';
import type { ProseMirrorJson } from './model.js';
import type { Pieces, RenderBlock, RenderCell } from './render-data.js';

/**
 * A table of a section's text as render data: rows of cells (their blocks rendered by
 * `cellBlocks`), the leading rows of header cells as the header that repeats on every page,
 * and its caption (`attrs.caption`, libs/editor table-caption.ts), which makes it a numbered
 * table ("Tabelle 3: …") in the list of tables. A table without rows is left out, caption and all.
 */
export function tableBlock(
  node: ProseMirrorJson,
  cellBlocks: (cell: ProseMirrorJson) => RenderBlock[],
  pieces: (text: string) => Pieces,
): RenderBlock[] {
  const cellRows = array(node.content)
    .map((row) => array(row.content))
    .filter((row) => row.length > 0);
  const rows: RenderCell[][] = cellRows.map((row) =>
    row.map((cell) => ({
      colspan: integer(attr(cell, 'colspan'), 1, 1, 100),
      rowspan: integer(attr(cell, 'rowspan'), 1, 1, 1000),
      th: cell.type === 'tableHeader',
      c: cellBlocks(cell),
    })),
  );
  if (rows.length === 0) {
    return [];
  }
  let headerRows = 0;
  while (headerRows < rows.length - 1 && rows[headerRows].every((cell) => cell.th)) {
    headerRows += 1;
  }
  // Columns of figures flush right (libs/domain table-numbers.ts).
  const flushRight = figureCells(
    rows.map((row, r) => row.map((cell, c) => ({ ...cell, header: r < headerRows, text: plainText(cellRows[r]?.[c]) }))),
  );
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (flushRight[r]?.[c] === true) {
        cell.num = true;
      }
    });
  });
  // A rowspan may not leave its part of the table (header or body): Typst refuses that.
  rows.forEach((row, index) => {
    const end = index < headerRows ? headerRows : rows.length;
    for (const cell of row) {
      cell.rowspan = Math.min(cell.rowspan, end - index);
    }
  });
  const cols = columnCount(rows);
  for (const row of rows) {
    for (const cell of row) {
      cell.colspan = Math.min(cell.colspan, cols);
    }
  }
  const caption = tableCaption(attr(node, 'caption'));
  const header = rows.slice(0, headerRows);
  const block: RenderBlock = { k: 'table', cols, header, rows: rows.slice(headerRows), cap: caption === '' ? null : pieces(caption) };
  // Typst sets a repeating header anew on every page the table spans, and counts a numbered
  // figure in it on each (its number grows page by page, and its label, which cross-references
  // link to, would occur twice): a header holding one is set once.
  if (header.some((row) => row.some((cell) => anyBlock(cell.c, isNumberedFigure)))) {
    block.once = true;
  }
  return [block];
}

/** The text of a node, all of its text nodes joined. */
function plainText(node: unknown): string {
  let text = '';
  forEachNode([node], (child) => {
    text += typeof child.text === 'string' ? child.text : '';
  });
  return text;
}

/** A numbered figure: a captioned image (or its note) or a captioned table. */
export function isNumberedFigure(block: RenderBlock): boolean {
  return (block.k === 'img' || block.k === 'noimg' || block.k === 'table') && block.cap !== null;
}

/** The table's width: cells placed row by row like Typst does (libs/domain `placeTableCells`). */
function columnCount(rows: ReadonlyArray<ReadonlyArray<{ colspan: number; rowspan: number }>>): number {
  const starts = placeTableCells(rows);
  let width = 1;
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      width = Math.max(width, (starts[r]?.[c] ?? 0) + cell.colspan);
    });
  });
  return Math.min(width, 100);
}

/**
 * Whether any of the blocks, at any depth (lists, quotes, table cells), passes `test`: a
 * captioned image for the list of figures, a captioned table for the list of tables.
 */
export function anyBlock(blocks: readonly RenderBlock[], test: (block: RenderBlock) => boolean): boolean {
  return blocks.some((b) => {
    if (test(b)) {
      return true;
    }
    switch (b.k) {
      case 'ul':
      case 'ol':
        return b.items.some((item) => anyBlock(item, test));
      case 'quote':
        return anyBlock(b.c, test);
      case 'table':
        return [...b.header, ...b.rows].some((row) => row.some((cell) => anyBlock(cell.c, test)));
      case 'p':
      case 'h':
      case 'img':
      case 'noimg':
        return false;
    }
  });
}
