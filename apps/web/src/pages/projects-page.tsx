import { useNavigate } from 'react-router';
import { LeftProjectNotice } from '../features/members';
import { CreateProjectForm, listProjects, ProjectList } from '../features/projects';
import { ErrorAlert, useDocumentTitle, useT } from '../i18n';
import { useResource } from '../lib/use-resource';
import { Card, Loading } from '../ui';

export function ProjectsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { resource, reload } = useResource((signal) => listProjects({ signal }), []);
  useDocumentTitle(t('projects.title'));

  return (
    <>
      <header className="page-header">
        <h1>{t('projects.title')}</h1>
        <p className="page-header__lead">{t('projects.intro')}</p>
      </header>
      <LeftProjectNotice />
      <div className="grid-main-aside">
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
            <ProjectList projects={resource.data} />
          )}
        </section>
        <Card title={t('projects.create.title')} description={t('projects.create.intro')}>
          <CreateProjectForm
            onCreated={(project) => void navigate(`/projects/${encodeURIComponent(project.id)}`)}
          />
        </Card>
      </div>
    </>
  );
}
