/**
 * Columns of figures are set flush right in print, so that units, tens and thousands stand
 * under each other (docs/export.md, "Tables"): the PDF, the ODT and the reading view find
 * them by the same rule, here.
 */

// A figure as reports write them: a sign, a currency before or a unit after, digits with
// thousands separators (point, space, no-break or thin space) and decimals (comma or point).
const NUMBER =
  /^[+\-\u2212\u2013]?\s?(?:[€$£]\s?)?\d{1,3}(?:[.\u00A0\u202F ]?\d{3})*(?:[.,]\d+)?\s?(?:%|‰|€|\$|£|EUR|Euro|Mio\.|Mrd\.|Tsd\.|T€|km²|km|ha|m²|t)?$/u;

/** Whether a table cell's text is one figure ("184.000", "42 %", "1.200,50 €", "−3,5"). */
export function isFigureText(text: string): boolean {
  return NUMBER.test(text.trim());
}

/** A table cell as this rule needs it. */
export interface TableCellText {
  colspan: number;
  rowspan: number;
  /** A header cell (the table's leading header rows). */
  header: boolean;
  text: string;
}

/**
 * For each cell, row by row, whether it is set flush right: the cells of a column whose body
 * cells are all figures or empty (at least one a figure), its header cells too, each spanning
 * that one column only. Cells are placed as in a grid, around cells spanning from rows above.
 */
export function figureCells(rows: ReadonlyArray<ReadonlyArray<TableCellText>>): boolean[][] {
  const columnOf = placeTableCells(rows);
  const figures = new Map<number, boolean>();
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      const column = columnOf[r]?.[c] ?? -1;
      if (cell.header || cell.colspan !== 1 || cell.text.trim() === '') {
        return;
      }
      figures.set(column, (figures.get(column) ?? true) && isFigureText(cell.text));
    });
  });
  return rows.map((row, r) =>
    row.map((cell, c) => cell.colspan === 1 && figures.get(columnOf[r]?.[c] ?? -1) === true),
  );
}

/**
 * The grid column each cell starts in, cells placed row by row as Typst places them, around
 * cells spanning from rows above.
 */
export function placeTableCells(
  rows: ReadonlyArray<ReadonlyArray<{ colspan: number; rowspan: number }>>,
): number[][] {
  const taken = new Map<number, Set<number>>();
  return rows.map((row, r) => {
    let column = 0;
    return row.map((cell) => {
      while (taken.get(r)?.has(column) === true) {
        column += 1;
      }
      const start = column;
      for (let dr = 0; dr < cell.rowspan; dr += 1) {
        const set = taken.get(r + dr) ?? new Set<number>();
        for (let dc = 0; dc < cell.colspan; dc += 1) {
          set.add(start + dc);
        }
        taken.set(r + dr, set);
      }
      column += cell.colspan;
      return start;
    });
  });
}
