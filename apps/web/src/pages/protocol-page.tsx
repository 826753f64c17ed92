import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../features/auth';
import { listMembers } from '../features/members';
import { getProject } from '../features/projects';
import { ProtocolView } from '../features/protocol';
import { useDocumentTitle, useT } from '../i18n';
import { projectPageReloads } from '../lib/live-reloads';
import { useResource } from '../lib/use-resource';
import { Alert } from '../ui';
import { namesNothing } from './load-failure';
import { ProjectPageWait, useProjectAccess } from './project-access';

/**
 * `/projects/:projectId/protocol`: the project's audit trail for its leads. Everybody else
 * who is a member reads that only the lead may see it (the server refuses them too, 403);
 * a non-member gets "not found", as for the project itself. A lead who loses the role
 * while here sees the same refusal (the page follows the project's stream).
 */
export function ProtocolPage() {
  const t = useT();
  const { projectId = '' } = useParams();
  const session = useSession();
  const project = useResource((signal) => getProject(projectId, { signal }), [projectId]);
  const members = useResource((signal) => listMembers(projectId, { signal }), [projectId]);
  const detail = project.resource.data;
  const missing = project.resource.status === 'error' && namesNothing(project.resource.error);
  useDocumentTitle(missing ? t('notFound.title') : detail ? `${t('protocol.title')}: ${detail.project.title}` : null);

  // Every change of the project leaves an entry in its log: the view offers to show them.
  const [changes, setChanges] = useState(0);
  const access = useProjectAccess(projectId, (event) => {
    setChanges((count) => count + 1);
    const parts = projectPageReloads(event, session.user?.id);
    if (parts.includes('project')) {
      project.reload();
    }
    if (parts.includes('members')) {
      members.reload();
    }
  });

  const backLink = (
    <p className="page-header__eyebrow">
      <Link to={`/projects/${encodeURIComponent(projectId)}`}>
        ← <span lang={detail?.project.language}>{detail?.project.title ?? t('protocol.toProject')}</span>
      </Link>
    </p>
  );

  if (access.ended || detail === undefined) {
    return <ProjectPageWait backLink={backLink} access={access} resource={project.resource} onRetry={project.reload} />;
  }
  return (
    <>
      <header className="page-header">
        {backLink}
        <h1>{t('protocol.title')}</h1>
      </header>
      {detail.abilities['audit.read'] ? (
        <ProtocolView
          projectId={projectId}
          members={members.resource.data ?? []}
          language={detail.project.language}
          liveChanges={changes}
        />
      ) : (
        <Alert tone="info" title={t('protocol.forbidden')}>
          <p>
            <Link to={`/projects/${encodeURIComponent(projectId)}`}>{t('protocol.toProject')}</Link>
          </p>
        </Alert>
      )}
    </>
  );
}
