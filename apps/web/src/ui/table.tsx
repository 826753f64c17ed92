import type { ReactNode } from 'react';
import './table.css';

/**
 * A horizontally scrollable frame for a wide table on small screens. It is focusable and
 * labelled so that keyboard users can scroll it too (WCAG 2.1.1). A named group, not a
 * region: a region is a landmark, and every table inside a card (itself a region, often of
 * the same name) doubled the page's landmarks.
 */
function TableFrame({ name, children }: { name: TableName; children: ReactNode }) {
  return (
    <div
      className="table-frame"
      role="group"
      aria-label={name.caption}
      aria-labelledby={name.labelledBy}
      tabIndex={0}
    >
      {children}
    </div>
  );
}

/**
 * What names the table and its scrollable frame: a hidden caption, or a visible heading
 * above it. With a heading a caption would be read a second time, so the table takes the
 * heading's text by `aria-labelledby` instead and has no caption.
 */
type TableName = { caption: string; labelledBy?: undefined } | { labelledBy: string; caption?: undefined };

export type DataTableProps = TableName & {
  /** The column headings; null leaves a column out (one the reader may not see). */
  columns: ReactNode[];
  /** The rows. */
  children: ReactNode;
};

/** A table of the app's style in its scrollable frame: its name, column headings, the rows. */
export function DataTable({ columns, children, ...name }: DataTableProps) {
  return (
    <TableFrame name={name}>
      <table className="table" aria-labelledby={name.labelledBy}>
        {name.caption === undefined ? null : <caption className="visually-hidden">{name.caption}</caption>}
        <thead>
          <tr>
            {columns
              .filter((column) => column !== null)
              .map((column, index) => (
                <th scope="col" key={index}>
                  {column}
                </th>
              ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableFrame>
  );
}
