import type { ComponentProps } from 'react';
import './button.css';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'danger-outline' | 'ghost';
export type ButtonSize = 'medium' | 'small';

/** The class names of a button, for links that look like buttons (`<Link className=...>`). */
export function buttonClassName(variant: ButtonVariant = 'primary', size: ButtonSize = 'medium'): string {
  return `btn btn--${variant}${size === 'small' ? ' btn--small' : ''}`;
}

export interface ButtonProps extends ComponentProps<'button'> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a busy state and blocks repeated clicks while an action runs. */
  busy?: boolean;
  /** Clicks while busy still reach `onClick`, which takes them as the next ones to carry out. */
  queuesWhileBusy?: boolean;
}

export function Button({
  variant = 'primary',
  size = 'medium',
  busy = false,
  queuesWhileBusy = false,
  type = 'button',
  className,
  disabled,
  children,
  ...rest
}: ButtonProps) {
  const classes = [buttonClassName(variant, size), busy ? 'btn--busy' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    // `aria-disabled` instead of `disabled` while busy keeps the focus on the button.
    <button
      {...rest}
      type={type}
      className={classes}
      disabled={disabled}
      aria-disabled={busy || undefined}
      aria-busy={busy || undefined}
      onClick={
        busy && !queuesWhileBusy
          ? (event) => {
              event.preventDefault();
            }
          : rest.onClick
      }
    >
      {busy ? <span className="btn__spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}
