import { useState, type Ref } from 'react';
import { useT } from '../../../i18n';
import { Button } from '../../../ui';
import './mine-only-filter.css';

export interface MineOnlyFilterProps {
  on: boolean;
  onChange: (on: boolean) => void;
  /** The person's own sections in the outline, and all sections. */
  mine: number;
  total: number;
  /** The toggle, for the focus after "Alle Abschnitte zeigen" (the filter's empty state). */
  toggleRef?: Ref<HTMLButtonElement>;
}

/**
 * The toggle "Nur meine Abschnitte" (a button with `aria-pressed`) and what it shows, in a
 * live region: how many of all sections are the person's while on, that all are shown again
 * after switching it off (for screen readers only: on screen the whole outline says so).
 */
export function MineOnlyFilter({ on, onChange, mine, total, toggleRef }: MineOnlyFilterProps) {
  const t = useT();
  // "All shown" is news only right after switching off (here, by "Alle Abschnitte zeigen" or
  // in the address), not on a page that opened unfiltered: adjusted while rendering, as React
  // recommends for state that follows a prop.
  const [previous, setPrevious] = useState(on);
  const [switchedOff, setSwitchedOff] = useState(false);
  if (previous !== on) {
    setPrevious(on);
    setSwitchedOff(!on);
  }
  return (
    <div className="mine-only">
      <Button
        ref={toggleRef}
        variant="secondary"
        size="small"
        className="mine-only__toggle"
        aria-pressed={on}
        onClick={() => {
          onChange(!on);
        }}
      >
        <span className="mine-only__check" aria-hidden="true" />
        {t('myWork.filter')}
      </Button>
      <p role="status" className="mine-only__status">
        {on ? (
          t('myWork.filter.shown', { count: mine, total })
        ) : switchedOff ? (
          <span className="visually-hidden">{t('myWork.filter.all')}</span>
        ) : null}
      </p>
    </div>
  );
}
