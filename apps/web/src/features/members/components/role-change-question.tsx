import { useEffect, useId, useRef } from 'react';
import { useT } from '../../../i18n';
import { Button } from '../../../ui';

export interface RoleChangeQuestionProps {
  /** "Als Leserin/Leser verliert Rita diese 2 Zuweisungen:" */
  question: string;
  /** What goes, one line each: "prüft „1 Ausgangslage“". */
  lost: readonly string[];
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before a role change that lifts assignments (the server drops what the new role may
 * not hold, and a role given back does not bring them back): the question in place, focus on
 * its confirm button, Escape or Cancel to keep the role.
 */
export function RoleChangeQuestion({ question, lost, busy, onConfirm, onCancel }: RoleChangeQuestionProps) {
  const t = useT();
  const id = useId();
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    confirm.current?.focus();
  }, []);
  return (
    <div
      className="member-row__question"
      role="group"
      aria-labelledby={id}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) {
          onCancel();
        }
      }}
    >
      <p id={id}>{question}</p>
      <ul>
        {lost.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <span className="confirm__actions">
        <Button ref={confirm} variant="danger" size="small" busy={busy} onClick={onConfirm}>
          {t('members.roleLosesConfirm')}
        </Button>
        <Button variant="ghost" size="small" disabled={busy} onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </span>
    </div>
  );
}
