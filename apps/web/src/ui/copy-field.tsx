import { useId, useRef, useState } from 'react';
import { Button } from './button';
import './copy-field.css';

export interface CopyFieldProps {
  label: string;
  value: string;
  copyLabel: string;
  copiedMessage: string;
  failedMessage: string;
}

/** A read-only value (such as a link) with a button that copies it to the clipboard. */
export function CopyField({ label, value, copyLabel, copiedMessage, failedMessage }: CopyFieldProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copy = async (): Promise<void> => {
    try {
      // Absent outside secure contexts (plain http on a LAN address).
      if (!('clipboard' in navigator)) {
        throw new Error('Clipboard API unavailable');
      }
      await navigator.clipboard.writeText(value);
      setOutcome('copied');
    } catch {
      // Leave the value selected so that Ctrl+C works right away.
      input.current?.focus();
      input.current?.select();
      setOutcome('failed');
    }
  };

  return (
    <div className="copy-field">
      <label className="copy-field__label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-field__row">
        <input
          ref={input}
          id={id}
          className="copy-field__input"
          type="text"
          readOnly
          value={value}
          onFocus={(event) => {
            event.currentTarget.select();
          }}
        />
        <Button variant="secondary" onClick={() => void copy()}>
          {copyLabel}
        </Button>
      </div>
      <p className="copy-field__status" role="status">
        {outcome === 'copied' ? copiedMessage : outcome === 'failed' ? failedMessage : ''}
      </p>
    </div>
  );
}
