import { useId } from 'react';
import { useT } from '../../../i18n';
import { THREAD_FILTERS, type ThreadFilter as Filter } from '../utils/thread-order';

export interface ThreadFilterProps {
  value: Filter;
  counts: Record<Filter, number>;
  onChange: (filter: Filter) => void;
}

/** Open, resolved or all threads: radio buttons drawn as one segmented control. */
export function ThreadFilter({ value, counts, onChange }: ThreadFilterProps) {
  const t = useT();
  const name = useId();
  return (
    <fieldset className="thread-filter">
      <legend className="thread-filter__legend">{t('comments.filter')}</legend>
      <div className="thread-filter__options">
        {THREAD_FILTERS.map((filter) => (
          <label key={filter} className="thread-filter__option">
            <input
              type="radio"
              name={name}
              value={filter}
              checked={value === filter}
              onChange={() => {
                onChange(filter);
              }}
            />
            <span>{t(`comments.filter.${filter}`, { count: counts[filter] })}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
