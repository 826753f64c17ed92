import { W, val } from './docx-styles';
import type { Block, Cell } from './model';
import { child, children, is, type XmlElement } from './xml';

/**
 * A Word table: rows and cells with their spans. Word spans columns with `w:gridSpan` and
 * rows by marking the cells below as continuing the one above (`w:vMerge`); the continuing
 * cells are dropped and the first one spans them.
 */
export function docxTable(
  table: XmlElement,
  cellBlocks: (cell: XmlElement) => Block[],
): Extract<Block, { kind: 'table' }> {
  const rows: Cell[][] = [];
  // The cell starting a vertical merge, by the grid column it starts in.
  const merging = new Map<number, Cell>();
  for (const tr of within(table, 'tr')) {
    const trPr = child(tr, W, 'trPr');
    const header =
      trPr !== null && child(trPr, W, 'tblHeader') !== null && val(child(trPr, W, 'tblHeader')) !== '0';
    let column = Number(val(trPr === null ? null : child(trPr, W, 'gridBefore')) ?? '0') || 0;
    const row: Cell[] = [];
    for (const tc of within(tr, 'tc')) {
      const tcPr = child(tc, W, 'tcPr');
      const colspan = Math.max(1, Number(val(tcPr === null ? null : child(tcPr, W, 'gridSpan')) ?? '1') || 1);
      const merge = tcPr === null ? null : child(tcPr, W, 'vMerge');
      const above = merging.get(column);
      if (merge !== null && val(merge) !== 'restart' && above !== undefined) {
        above.rowspan += 1;
      } else {
        const cell: Cell = { blocks: cellBlocks(tc), colspan, rowspan: 1, header };
        row.push(cell);
        if (merge !== null && val(merge) === 'restart') {
          merging.set(column, cell);
        } else {
          merging.delete(column);
        }
      }
      column += colspan;
    }
    rows.push(row);
  }
  return { kind: 'table', rows };
}

/** Rows of a table or cells of a row, also inside content controls and custom XML. */
function within(parent: XmlElement, name: string): XmlElement[] {
  return children(parent).flatMap((element) => {
    if (is(element, W, name)) {
      return [element];
    }
    if (is(element, W, 'sdt')) {
      return within(child(element, W, 'sdtContent') ?? element, name);
    }
    return is(element, W, 'customXml') ? within(element, name) : [];
  });
}
