import { REVIEW_STATES, type Dashboard } from '@kapitel/domain';
import { useId } from 'react';
import { useI18n } from '../../../i18n';
import { Badge } from '../../../ui';
import { ReviewStateBadge } from './review-state-badge';

export interface OutlineProgressProps {
  dashboard: Dashboard;
  /** Overdue sections as the outline shows them (in the user's own calendar). */
  overdueCount: number;
  /** The words of the whole report's current text; undefined while not known. */
  totalWords?: number;
}

/** How far the report is: approved sections of all, and how many sections are in each state. */
export function OutlineProgress({ dashboard, overdueCount, totalWords }: OutlineProgressProps) {
  const { t, formatNumber } = useI18n();
  const id = useId();
  const { approved, total, counts } = dashboard;
  const label = t('outline.progress', { approved, total });
  return (
    <div className="outline-progress">
      <label className="outline-progress__label" htmlFor={id}>
        {label}
      </label>
      {/* An empty outline has nothing approved: max 1 keeps the bar empty instead of indeterminate. */}
      <progress id={id} className="outline-progress__bar" value={approved} max={Math.max(total, 1)}>
        {label}
      </progress>
      <ul className="outline-progress__counts" aria-label={t('outline.stateCounts')}>
        {REVIEW_STATES.map((state) => (
          <li key={state}>
            <ReviewStateBadge state={state} /> {formatNumber(counts[state])}
          </li>
        ))}
        {overdueCount > 0 ? (
          <li>
            <Badge tone="danger">{t('outline.overdueCount', { count: overdueCount })}</Badge>
          </li>
        ) : null}
        {totalWords === undefined || totalWords === 0 ? null : (
          <li>{t(totalWords === 1 ? 'length.total.one' : 'length.total.other', { count: totalWords })}</li>
        )}
      </ul>
    </div>
  );
}
