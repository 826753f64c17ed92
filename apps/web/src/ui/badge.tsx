import type { ReactNode } from 'react';
import './badge.css';

/**
 * Tones add colour to a label that already says everything in words: colour is never the
 * only carrier of the information (WCAG 1.4.1).
 */
export type BadgeTone = 'neutral' | 'primary' | 'info' | 'warning' | 'success' | 'danger';

export function Badge({ children, tone = 'neutral' }: { children: ReactNode; tone?: BadgeTone }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
