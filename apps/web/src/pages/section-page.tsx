import { Link, useParams } from 'react-router';
import { listMembers } from '../features/members';
import {
  getSection,
  listTransitions,
  ReviewPanel,
  SectionFacts,
  TransitionHistory,
} from '../features/review';
import { getProject } from '../features/projects';
import { ErrorAlert, useDocumentTitle, useT } from '../i18n';
import { useResource } from '../lib/use-resource';
import { Loading } from '../ui';

/** `/projects/:projectId/sections/:sectionId`: one section, its review steps and history. */
export function SectionPage() {
  const t = useT();
  const { projectId = '', sectionId = '' } = useParams();
  const project = useResource((signal) => getProject(projectId, { signal }), [projectId]);
  const detail = useResource(
    (signal) => getSection(projectId, sectionId, { signal }),
    [projectId, sectionId],
  );
  const history = useResource(
    (signal) => listTransitions(projectId, sectionId, { signal }),
    [projectId, sectionId],
  );
  const members = useResource((signal) => listMembers(projectId, { signal }), [projectId]);
  const section = detail.resource.data?.section;
  const info = project.resource.data?.project;
  useDocumentTitle(section?.title ?? null);

  const backLink = (
    <p className="page-header__eyebrow">
      <Link to={`/projects/${encodeURIComponent(projectId)}`}>
        ← <span lang={info?.language}>{info?.title ?? t('section.back')}</span>
      </Link>
    </p>
  );

  if (section === undefined) {
    return (
      <>
        {backLink}
        {detail.resource.status === 'error' ? (
          <ErrorAlert error={detail.resource.error} onRetry={detail.reload} />
        ) : (
          <Loading label={t('app.loading')} />
        )}
      </>
    );
  }

  return (
    <>
      <header className="page-header">
        {backLink}
        <h1 lang={info?.language}>
          {section.number === null ? null : (
            <>
              <span className="section-title__number">{section.number}</span>{' '}
            </>
          )}
          {section.title}
        </h1>
      </header>
      <SectionFacts section={section} members={members.resource.data ?? []} />
      <p className="muted section-editor-note">{t('section.editorLater')}</p>
      <ReviewPanel
        projectId={projectId}
        detail={detail.resource}
        onChanged={() => {
          detail.reload();
          history.reload();
        }}
      />
      <TransitionHistory history={history.resource} reload={history.reload} />
    </>
  );
}
