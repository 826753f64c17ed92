import type { ReactNode } from 'react';
import './table.css';

/**
 * A horizontally scrollable frame for a wide table on small screens. It is focusable and
 * labelled so that keyboard users can scroll it too (WCAG 2.1.1).
 */
export function TableFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-frame" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
