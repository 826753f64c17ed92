import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { LeftProjectNotice } from '../features/members';
import { getMyWork, MySectionsPanel } from '../features/my-work';
import { CreateProjectForm, DeletedProjectNotice, listProjects, ProjectList } from '../features/projects';
import { ErrorAlert, useDocumentTitle, useT } from '../i18n';
import { useReloadOnReturn } from '../lib/use-reload-on-return';
import { useResource } from '../lib/use-resource';
import { Card, Loading } from '../ui';

export function ProjectsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { resource, reload } = useResource((signal) => listProjects({ signal }), []);
  // One request for the panel "Meine Abschnitte" and the figures on every project's card.
  const work = useResource((signal) => getMyWork({ signal }), []);
  const figures = useMemo(
    () =>
      work.resource.data === undefined
        ? undefined
        : new Map(work.resource.data.projects.map((p) => [p.projectId, p])),
    [work.resource.data],
  );
  useDocumentTitle(t('projects.title'));
  // Sections assigned, approved or due meanwhile, and projects joined or left, on coming back.
  useReloadOnReturn(() => {
    reload();
    work.reload();
  });
  // Someone without projects has no sections either: the panel would only repeat the empty list.
  const showWork = resource.data === undefined || resource.data.length > 0;

  return (
    <>
      <header className="page-header">
        <h1>{t('projects.title')}</h1>
        <p className="page-header__lead">{t('projects.intro')}</p>
      </header>
      <LeftProjectNotice />
      <DeletedProjectNotice />
      <div className="grid-main-aside">
        <div>
          {showWork ? <MySectionsPanel work={work.resource} onRetry={work.reload} /> : null}
          <section aria-label={t('projects.title')}>
            {resource.status === 'error' ? <ErrorAlert error={resource.error} onRetry={reload} /> : null}
            {resource.data === undefined ? (
              resource.status === 'loading' ? (
                <Loading label={t('app.loading')} />
              ) : null
            ) : resource.data.length === 0 ? (
              <Card>
                <p>{t('projects.empty')}</p>
              </Card>
            ) : (
              <ProjectList projects={resource.data} work={figures} />
            )}
          </section>
        </div>
        <Card title={t('projects.create.title')} description={t('projects.create.intro')}>
          <CreateProjectForm
            onCreated={(project) => void navigate(`/projects/${encodeURIComponent(project.id)}`)}
          />
        </Card>
      </div>
    </>
  );
}
