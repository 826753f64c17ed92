import type { ReactNode } from 'react';
import './alert.css';

export type AlertTone = 'info' | 'success' | 'error';

export interface AlertProps {
  tone?: AlertTone;
  /** Optional bold first line. */
  title?: ReactNode;
  children?: ReactNode;
  /**
   * `alert` interrupts screen readers (use for errors that appear after an action),
   * `status` is announced politely, `none` is static content.
   */
  live?: 'alert' | 'status' | 'none';
  id?: string;
}

export function Alert({ tone = 'info', title, children, live = 'none', id }: AlertProps) {
  return (
    <div id={id} className={`alert alert--${tone}`} role={live === 'none' ? undefined : live}>
      {title ? <p className="alert__title">{title}</p> : null}
      {children}
    </div>
  );
}
