import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { AbbreviationsPanel } from '../features/abbreviations';
import { useSession } from '../features/auth';
import type { CommentCountSignal } from '../features/comments';
import { ExportPanel } from '../features/exports';
import { InvitationsPanel } from '../features/invitations';
import { leftProjectState, listMembers, MembersPanel } from '../features/members';
import { OutlinePanel } from '../features/outline';
import { DeleteProjectCard, getProject } from '../features/projects';
import { SearchPanel } from '../features/search';
import { ReportSettingsPanel } from '../features/settings';
import { SourcesPanel } from '../features/sources';
import { useDocumentTitle, useI18n } from '../i18n';
import { projectPageReloads } from '../lib/live-reloads';
import { useResource } from '../lib/use-resource';
import { Badge } from '../ui';
import { namesNothing } from './load-failure';
import { ProjectPageWait, useProjectAccess } from './project-access';
import { ProjectPageNav, type ProjectPagePart } from './project-page-nav';
import './project-page.css';

export function ProjectPage() {
  const { t, formatDate } = useI18n();
  const { projectId = '' } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const project = useResource((signal) => getProject(projectId, { signal }), [projectId]);
  const members = useResource((signal) => listMembers(projectId, { signal }), [projectId]);
  // Counts changes to the outline announced by the server; the outline panel reloads on each.
  const [outlineChanges, setOutlineChanges] = useState(0);
  // Comment changes announced by the server, with their section: the outline counts them again.
  const [commentChanges, setCommentChanges] = useState<CommentCountSignal>({ version: 0, sectionId: null });
  // Export jobs queued, started, done or failed, announced by the server: the list of exports reloads.
  const [exportChanges, setExportChanges] = useState(0);
  // Changes of the list of abbreviations announced by the server: the list reloads.
  const [abbreviationChanges, setAbbreviationChanges] = useState(0);
  const [sourceChanges, setSourceChanges] = useState(0);
  // Texts changed, announced by the server (at most one per section and few seconds): the outline counts words again.
  const [textChanges, setTextChanges] = useState(0);
  const detail = project.resource.data;
  const missing = project.resource.status === 'error' && namesNothing(project.resource.error);
  useDocumentTitle(detail?.project.title ?? (missing ? t('notFound.title') : null));

  const access = useProjectAccess(projectId, (event) => {
    const reload = {
      project: project.reload,
      members: members.reload,
      outline: () => {
        setOutlineChanges((count) => count + 1);
      },
      comments: () => {
        const sectionId = event.type === 'change' ? (event.change.sectionId ?? null) : null;
        setCommentChanges((previous) => ({ version: previous.version + 1, sectionId }));
      },
      exports: () => {
        setExportChanges((count) => count + 1);
      },
      abbreviations: () => {
        setAbbreviationChanges((count) => count + 1);
      },
      sources: () => {
        setSourceChanges((count) => count + 1);
      },
      words: () => {
        setTextChanges((count) => count + 1);
      },
    };
    projectPageReloads(event, session.user?.id).forEach((part) => {
      reload[part]();
    });
  });

  const backLink = (
    <p className="page-header__eyebrow">
      <Link to="/projects">← {t('project.back')}</Link>
    </p>
  );

  if (access.ended || detail === undefined) {
    return <ProjectPageWait backLink={backLink} access={access} resource={project.resource} onRetry={project.reload} />;
  }

  const { project: info, role, abilities } = detail;
  const canManage = abilities['members.manage'];
  // The page is long for a lead (about four screens): its parts, in their order, to jump to.
  const parts: ProjectPagePart[] = [
    { id: 'outline', label: t('outline.title') },
    { id: 'search', label: t('projectNav.search') },
    { id: 'abbreviations', label: t('abbreviations.title') },
    { id: 'sources', label: t('sources.title') },
    { id: 'export', label: t('exports.title') },
    { id: 'members', label: t('members.title') },
    ...(abilities['project.update'] ? [{ id: 'settings', label: t('projectNav.settings') }] : []),
  ];
  return (
    <>
      <header className="page-header">
        {backLink}
        <h1 lang={info.language}>{info.title}</h1>
        {info.subtitle ? (
          <p className="page-header__lead" lang={info.language}>
            {info.subtitle}
          </p>
        ) : null}
      </header>
      <section className="project-summary" aria-label={t('project.details')}>
        <dl className="project-summary__facts">
          <div>
            <dt>{t('project.yourRole')}</dt>
            <dd>
              <Badge tone={role === 'lead' ? 'primary' : 'neutral'}>{t(`role.${role}`)}</Badge>
            </dd>
          </div>
          <div>
            <dt>{t('project.language')}</dt>
            <dd>{t(`projectLanguage.${info.language}`)}</dd>
          </div>
          <div>
            <dt>{t('project.createdAt')}</dt>
            <dd>
              <time dateTime={info.createdAt}>{formatDate(info.createdAt)}</time>
            </dd>
          </div>
          <div>
            <dt>{t('project.updatedAt')}</dt>
            <dd>
              <time dateTime={info.updatedAt}>{formatDate(info.updatedAt)}</time>
            </dd>
          </div>
        </dl>
        {info.description ? (
          <p className="project-summary__description" lang={info.language}>
            {info.description}
          </p>
        ) : null}
        <p className="project-summary__protocol">
          <Link to={`/projects/${encodeURIComponent(projectId)}/read`}>{t('reading.link')}</Link>{' '}
          <span className="muted">{t('reading.linkHint')}</span>
        </p>
        {abilities['audit.read'] ? (
          <p className="project-summary__protocol">
            <Link to={`/projects/${encodeURIComponent(projectId)}/protocol`}>{t('protocol.link')}</Link>{' '}
            <span className="muted">{t('protocol.linkHint')}</span>
          </p>
        ) : null}
      </section>
      <ProjectPageNav parts={parts} />
      <div id="outline" className="project-page__part">
        <OutlinePanel
          projectId={projectId}
          members={members.resource.data ?? []}
          language={info.language}
          canManage={abilities['outline.manage']}
          liveChanges={outlineChanges}
          commentChanges={commentChanges}
          textChanges={textChanges}
        />
      </div>
      <div id="search" className="project-page__part">
        <SearchPanel projectId={projectId} language={info.language} />
      </div>
      <div id="abbreviations" className="project-page__part">
        <AbbreviationsPanel
          projectId={projectId}
          language={info.language}
          canEdit={abilities['abbreviations.edit']}
          liveChanges={abbreviationChanges}
        />
      </div>
      <div id="sources" className="project-page__part">
        <SourcesPanel
          projectId={projectId}
          language={info.language}
          canEdit={abilities['sources.edit']}
          liveChanges={sourceChanges}
        />
      </div>
      <div id="export" className="project-page__part">
        <ExportPanel
          projectId={projectId}
          canExportFinal={abilities['export.final']}
          liveChanges={outlineChanges}
          exportChanges={exportChanges}
        />
      </div>
      <div id="members" className="project-page__part">
        <MembersPanel
          projectId={projectId}
          members={members.resource}
          reloadMembers={members.reload}
          currentUserId={session.user?.id ?? ''}
          canManage={canManage}
          onSelfChanged={(change) => {
            if (change === 'removed') {
              void navigate('/projects', { replace: true, state: leftProjectState(info.title) });
            } else {
              project.reload();
            }
          }}
        />
        {canManage ? (
          <InvitationsPanel projectId={projectId} projectTitle={info.title} members={members.resource.data ?? []} />
        ) : null}
      </div>
      {abilities['project.update'] ? (
        <div id="settings" className="project-page__part">
          <ReportSettingsPanel project={info} onSaved={project.reload} />
          <DeleteProjectCard project={info} />
        </div>
      ) : null}
    </>
  );
}
