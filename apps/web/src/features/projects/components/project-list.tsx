import type { ProjectListItem } from '@kapitel/domain';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import { Badge } from '../../../ui';
import './project-list.css';

/** The caller's projects as a list of cards, newest change first. */
export function ProjectList({ projects }: { projects: readonly ProjectListItem[] }) {
  const { t, formatDate } = useI18n();
  const sorted = [...projects].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <ul className="project-list">
      {sorted.map((project) => (
        <li key={project.id} className="project-list__item">
          <h2 className="project-list__title" lang={project.language}>
            <Link to={`/projects/${encodeURIComponent(project.id)}`}>{project.title}</Link>
          </h2>
          {project.subtitle ? (
            <p className="project-list__subtitle" lang={project.language}>
              {project.subtitle}
            </p>
          ) : null}
          <p className="project-list__meta">
            <Badge tone={project.role === 'lead' ? 'primary' : 'neutral'}>
              {t('projects.role', { role: t(`role.${project.role}`) })}
            </Badge>
            <span>{t('projects.updatedAt', { date: formatDate(project.updatedAt) })}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
