import type { MyWorkProject, Role } from '@kapitel/domain';
import { useId } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../i18n';

export interface ProjectProgressProps {
  projectId: string;
  /** The project's figures from `GET /api/me/work`. */
  work: MyWorkProject;
  role: Role;
}

/**
 * On a project's card: how many sections are approved (words and a bar the words label) and
 * how many of the person's own are still open there, as a link to the outline filtered to them.
 */
export function ProjectProgress({ projectId, work, role }: ProjectProgressProps) {
  const t = useT();
  const id = useId();
  const { approved, total, open } = work;
  const label = t('outline.progress', { approved, total });
  const openText =
    open === 0
      ? t('myWork.open.none')
      : open === 1
        ? t('myWork.open.one')
        : t('myWork.open.other', { count: open });
  return (
    <div className="project-progress">
      {total === 0 ? (
        <p className="project-progress__label">{t('myWork.progressEmpty')}</p>
      ) : (
        <>
          <label className="project-progress__label" htmlFor={id}>
            {label}
          </label>
          <progress id={id} className="project-progress__bar" value={approved} max={total}>
            {label}
          </progress>
        </>
      )}
      {/* A reader is never assigned anything: "nothing open for you" would say nothing to them. */}
      {open === 0 ? (
        role === 'reader' ? null : (
          <p className="project-progress__open">{openText}</p>
        )
      ) : (
        <p className="project-progress__open">
          <Link className="project-progress__link" to={`/projects/${encodeURIComponent(projectId)}?meine=1`}>
            {openText}
          </Link>
        </p>
      )}
    </div>
  );
}
