import type { ReviewState } from '@kapitel/domain';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n';
import { Badge } from '../../../ui';
import { isOverdue, localToday } from '../utils/outline-tree';

export interface DueDateProps {
  dueDate: string;
  state: ReviewState;
  /** Without the words "Due on", for places that already label the date. */
  bare?: boolean;
}

/** A due date, marked "overdue" in words (not only by colour) when it has passed unapproved. */
export function DueDate({ dueDate, state, bare = false }: DueDateProps) {
  const { t, formatDay } = useI18n();
  const date = <time dateTime={dueDate}>{formatDay(dueDate)}</time>;
  const overdue = isOverdue({ dueDate, state }, localToday());
  return (
    <span className={`due-date${overdue ? ' due-date--overdue' : ''}`}>
      {bare ? date : <DueOn date={date} />}
      {overdue ? (
        <>
          {' '}
          <Badge tone="danger">{t('outline.overdue')}</Badge>
        </>
      ) : null}
    </span>
  );
}

/** "Due on <date>", with the date kept as a <time> element inside the translated sentence. */
function DueOn({ date }: { date: ReactNode }) {
  const { t } = useI18n();
  const [before = '', after = ''] = t('outline.dueOn').split('{date}');
  return (
    <>
      {before}
      {date}
      {after}
    </>
  );
}
