import type { MyWorkResponse, MyWorkSection } from '@kapitel/domain';
import { Link } from 'react-router';
import { ErrorAlert, useT } from '../../../i18n';
import type { Resource } from '../../../lib/use-resource';
import { Card, Loading } from '../../../ui';
import { DueDate, ReviewStateBadge } from '../../outline';
import './my-sections-panel.css';

export interface MySectionsPanelProps {
  /** `GET /api/me/work`; its sections are listed in its order (the earliest due first). */
  work: Resource<MyWorkResponse>;
  onRetry: () => void;
}

/**
 * "Meine Abschnitte": what the person writes, and what waits for their review, across all
 * their projects, each with its project, state and due date (overdue said in words).
 */
export function MySectionsPanel({ work, onRetry }: MySectionsPanelProps) {
  const t = useT();
  const data = work.data?.sections;
  return (
    <Card title={t('myWork.title')} description={t('myWork.intro')} className="my-sections">
      {work.status === 'error' ? <ErrorAlert error={work.error} onRetry={onRetry} /> : null}
      {data === undefined ? (
        work.status === 'loading' ? (
          <Loading label={t('app.loading')} />
        ) : null
      ) : data.length === 0 ? (
        <p className="muted">{t('myWork.empty')}</p>
      ) : (
        <ul className="divided-list">
          {data.map((section) => (
            <MySectionItem key={section.id} section={section} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function MySectionItem({ section }: { section: MyWorkSection }) {
  const t = useT();
  const href = `/projects/${encodeURIComponent(section.projectId)}/sections/${encodeURIComponent(section.id)}`;
  return (
    <li>
      <p className="my-sections__title">
        <Link to={href}>
          {section.number === null ? null : <span className="my-sections__number">{section.number} </span>}
          <span lang={section.projectLanguage}>{section.title}</span>
        </Link>
      </p>
      <p className="my-sections__meta">
        <span>
          {t('myWork.project')}: <span lang={section.projectLanguage}>{section.projectTitle}</span>
        </span>
        <ReviewStateBadge state={section.state} />
        {/* Both can be true for a lead who writes a section and reviews it too. */}
        {section.assigned ? <span>{t('myWork.writing')}</span> : null}
        {section.reviewing ? <span>{t('myWork.reviewing')}</span> : null}
        {section.dueDate === null ? (
          <span>{t('myWork.noDueDate')}</span>
        ) : (
          <DueDate dueDate={section.dueDate} state={section.state} />
        )}
      </p>
    </li>
  );
}
