import { useT } from '../../../i18n';
import { Segmented } from '../../../ui';
import { THREAD_FILTERS, type ThreadFilter as Filter } from '../utils/thread-order';

export interface ThreadFilterProps {
  value: Filter;
  counts: Record<Filter, number>;
  onChange: (filter: Filter) => void;
}

/** Open, resolved or all threads, with how many of each. */
export function ThreadFilter({ value, counts, onChange }: ThreadFilterProps) {
  const t = useT();
  return (
    <Segmented
      className="thread-filter"
      legend={t('comments.filter')}
      value={value}
      options={THREAD_FILTERS.map((filter) => ({ value: filter, label: t(`comments.filter.${filter}`, { count: counts[filter] }) }))}
      onChange={onChange}
    />
  );
}
