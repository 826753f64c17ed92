import type { MyWorkProject, ProjectListItem } from '@kapitel/domain';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import { Badge } from '../../../ui';
import { ProjectProgress } from './project-progress';
import './project-list.css';

export interface ProjectListProps {
  projects: readonly ProjectListItem[];
  /** Progress and the caller's open sections per project (`GET /api/me/work`), once loaded. */
  work?: ReadonlyMap<string, MyWorkProject>;
}

/** The caller's projects as a list of cards, newest change first. */
export function ProjectList({ projects, work }: ProjectListProps) {
  const { t, formatDate } = useI18n();
  const sorted = [...projects].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <ul className="project-list">
      {sorted.map((project) => {
        const figures = work?.get(project.id);
        return (
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
            {figures === undefined ? null : (
              <ProjectProgress projectId={project.id} work={figures} role={project.role} />
            )}
          </li>
        );
      })}
    </ul>
  );
}
