import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, type ButtonSize } from './button';
import './confirm-button.css';

export interface ConfirmButtonProps {
  /** Visible text of the first button, e.g. "Remove". */
  label: string;
  /** Accessible name of the first button when the visible text is ambiguous in a list. */
  accessibleLabel?: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => Promise<void>;
  /**
   * What the action would also undo, found out when it is asked about (a removal's lost
   * assignments), shown below the question; null for nothing. Asked before the question shows.
   */
  consequences?: () => Promise<ReactNode>;
  size?: ButtonSize;
}

/**
 * A destructive action that asks "really?" in place instead of in a modal dialog: the
 * question and two buttons replace the trigger, focus moves to the confirm button, and
 * Escape or Cancel brings the trigger back with focus on it.
 */
export function ConfirmButton({
  label,
  accessibleLabel,
  question,
  confirmLabel,
  cancelLabel,
  onConfirm,
  consequences,
  size = 'small',
}: ConfirmButtonProps) {
  const [phase, setPhase] = useState<'idle' | 'checking' | 'asking' | 'busy'>('idle');
  const [detail, setDetail] = useState<ReactNode>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (phase === 'asking') {
      confirm.current?.focus();
    } else if (phase === 'idle' && returnFocus.current) {
      returnFocus.current = false;
      // The button that had focus is gone: focus fell to the body.
      if (document.activeElement === null || document.activeElement === document.body) {
        trigger.current?.focus();
      }
    }
  }, [phase]);

  const cancel = (): void => {
    returnFocus.current = true;
    setPhase('idle');
  };

  const run = async (): Promise<void> => {
    setPhase('busy');
    try {
      await onConfirm();
    } catch {
      // The caller reports its own errors; this only keeps the rejection from going unhandled.
    } finally {
      // The row may be gone after a successful action; then this state update is dropped.
      // If it stays (the action was refused), the trigger takes the focus its confirm
      // button had, unless the caller has put focus somewhere already.
      returnFocus.current = true;
      setPhase('idle');
    }
  };

  const ask = async (): Promise<void> => {
    if (consequences === undefined) {
      setPhase('asking');
      return;
    }
    setPhase('checking');
    try {
      setDetail(await consequences());
      setPhase('asking');
    } catch {
      // The caller says what went wrong; the question is not asked without its consequences.
      setPhase('idle');
    }
  };

  if (phase === 'idle' || phase === 'checking') {
    return (
      <Button
        ref={trigger}
        variant="danger-outline"
        size={size}
        busy={phase === 'checking'}
        aria-label={accessibleLabel}
        onClick={() => void ask()}
      >
        {label}
      </Button>
    );
  }

  return (
    <div
      className="confirm"
      role="group"
      aria-label={question}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && phase === 'asking') {
          cancel();
        }
      }}
    >
      <span className="confirm__question">{question}</span>
      {detail === null ? null : <div className="confirm__detail">{detail}</div>}
      <span className="confirm__actions">
        <Button ref={confirm} variant="danger" size={size} busy={phase === 'busy'} onClick={() => void run()}>
          {confirmLabel}
        </Button>
        <Button variant="ghost" size={size} disabled={phase === 'busy'} onClick={cancel}>
          {cancelLabel}
        </Button>
      </span>
    </div>
  );
}
