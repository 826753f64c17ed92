import type { ReactNode } from 'react';
import './table.css';

/**
 * A horizontally scrollable frame for a wide table on small screens. It is focusable and
 * labelled so that keyboard users can scroll it too (WCAG 2.1.1). A named group, not a
 * region: a region is a landmark, and every table inside a card (itself a region, often of
 * the same name) doubled the page's landmarks.
 */
function TableFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-frame" role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

export interface DataTableProps {
  /** Names the table for screen readers (its caption) and its scrollable frame. */
  caption: string;
  /** The column headings; null leaves a column out (one the reader may not see). */
  columns: ReactNode[];
  /** The rows. */
  children: ReactNode;
}

/** A table of the app's style in its scrollable frame: a hidden caption, column headings, the rows. */
export function DataTable({ caption, columns, children }: DataTableProps) {
  return (
    <TableFrame label={caption}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
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
