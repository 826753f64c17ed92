import { can, type Member, type Section } from '@kapitel/domain';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useSession } from '../features/auth';
import { LazySectionEditor, readOnlyReason } from '../features/editor';
import { listMembers } from '../features/members';
import { getOutline } from '../features/outline';
import { listSources } from '../features/sources';
import { getProject } from '../features/projects';
import {
  getSection,
  listTransitions,
  ReviewPanel,
  SectionFacts,
  TransitionHistory,
} from '../features/review';
import { listVersions, VersionsPanel } from '../features/versions';
import { ErrorAlert, useDocumentTitle, useT } from '../i18n';
import { sectionPageReloads } from '../lib/live-reloads';
import { readingPath } from '../lib/reading-links';
import { useResource } from '../lib/use-resource';
import { Loading } from '../ui';
import { AccessEnded } from './access-ended';
import { namesNothing } from './load-failure';
import { ProjectPageWait, useProjectAccess } from './project-access';

/**
 * `/projects/:projectId/sections/:sectionId`: the section's text in the live editor, its
 * review steps and history. What others change (state, assignment, roles, outline) arrives
 * through the project's event stream and is loaded again without a page reload.
 */
export function SectionPage() {
  const t = useT();
  const session = useSession();
  const userId = session.user?.id;
  const { projectId = '', sectionId = '' } = useParams();
  // `?comment=<id>` (a notification's link): the thread to show once the comments are there.
  const [search, setSearch] = useSearchParams();
  const focusCommentId = search.get('comment');
  // `?q=<query>` (a search result's link): the editor marks the matches (docs/search.md).
  const searchQuery = search.get('q');
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
  const versions = useResource(
    (signal) => listVersions(projectId, sectionId, { signal }),
    [projectId, sectionId],
  );
  // The report's sections: the cross-references in the text show their targets' current numbers.
  const outline = useResource((signal) => getOutline(projectId, { signal }), [projectId]);
  const sources = useResource((signal) => listSources(projectId, { signal }), [projectId]);
  // The editor holds edits the server has not stored: when the access ends it stays, read-only, so they can be copied.
  const [editorUnsaved, setEditorUnsaved] = useState(false);
  const [peerIds, setPeerIds] = useState<readonly string[]>([]);
  // Counts the changes of this section's comments announced by the server; the sidebar reloads on each.
  const [commentChanges, setCommentChanges] = useState(0);
  // Changes of other sections' texts (the stream's `text` topic): the editor's figure numbers follow them.
  const [otherTexts, setOtherTexts] = useState(0);
  const section = detail.resource.data?.section;
  const info = project.resource.data?.project;
  const missing = detail.resource.status === 'error' && namesNothing(detail.resource.error);
  useDocumentTitle(section?.title ?? (missing ? t('notFound.title') : null));

  const access = useProjectAccess(projectId, (event) => {
    const reload = {
      project: project.reload,
      members: members.reload,
      section: detail.reload,
      history: history.reload,
      versions: versions.reload,
      outline: outline.reload,
      sources: sources.reload,
      comments: () => {
        setCommentChanges((count) => count + 1);
      },
      figures: () => {
        setOtherTexts((count) => count + 1);
      },
    };
    sectionPageReloads(event, sectionId, userId).forEach((part) => {
      reload[part]();
    });
  });

  const backLink = (
    <p className="page-header__eyebrow">
      <Link to={`/projects/${encodeURIComponent(projectId)}`}>
        ← <span lang={info?.language}>{info?.title ?? t('section.back')}</span>
      </Link>
    </p>
  );

  const revoked = access.ended;
  if (revoked && !editorUnsaved) {
    return <AccessEnded projectDeleted={access.deleted} />;
  }

  if (section === undefined) {
    return <ProjectPageWait backLink={backLink} access={access} resource={detail.resource} onRetry={detail.reload} />;
  }

  const role = project.resource.data?.role;
  const abilities = detail.resource.data?.abilities;
  const canEdit = abilities?.['section.edit'] ?? false;
  const reason = readOnlyReason(canEdit, section, role, userId);
  // The access ended (the editor stays for its unsaved edits): nothing more to comment.
  const canComment = !revoked && (detail.resource.data?.abilities['comment.create'] ?? false);
  // A section that was here and is "not found" now went to the trash (nothing else removes
  // one): the editor says so and comes back with a restore; review and versions, acting on a
  // section the server no longer shows, wait for it too.
  const inTrash = detail.resource.status === 'error' && namesNothing(detail.resource.error);
  // So do they while the access has ended (their data is stale, every step would be refused):
  // invited anew, the page loads them again and shows them.
  const panelsWait = inTrash || revoked;
  return (
    <>
      {revoked ? <AccessEnded projectDeleted={access.deleted} /> : null}
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
        <p className="page-header__aside">
          <Link to={readingPath(projectId, section.id)}>{t('reading.inContext')}</Link>
        </p>
      </header>
      {/* A reload that failed (the section was deleted, access changed) is shown above the old data. */}
      {detail.resource.status === 'error' && !inTrash ? (
        <ErrorAlert error={detail.resource.error} onRetry={detail.reload} />
      ) : null}
      <SectionFacts section={section} members={members.resource.data ?? []} />
      {info === undefined || session.user === null ? (
        <Loading label={t('app.loading')} />
      ) : (
        <LazySectionEditor
          projectId={projectId}
          sectionId={section.id}
          sectionTitle={section.title}
          language={info.language}
          canEdit={canEdit}
          readOnlyReason={reason}
          role={role}
          user={{ id: session.user.id, name: session.user.name }}
          members={members.resource.data ?? []}
          canComment={canComment}
          commentsVersion={commentChanges}
          focusCommentId={focusCommentId}
          onUnsavedChange={setEditorUnsaved}
          onPeersChange={setPeerIds}
          showComments={!panelsWait}
          searchQuery={searchQuery}
          outline={outline.resource.data ?? null}
          otherTexts={otherTexts}
          sources={sources.resource.data ?? null}
          targetWords={section.targetWords}
          onEndSearch={() => {
            // In place of the address with the query: the back button still returns to the results.
            setSearch(
              (previous) => {
                const without = new URLSearchParams(previous);
                without.delete('q');
                return without;
              },
              { replace: true },
            );
          }}
        />
      )}
      {panelsWait ? null : (
        <>
          <ReviewPanel
            projectId={projectId}
            detail={detail.resource}
            language={info?.language}
            history={history.resource.data}
            members={members.resource.data}
            writers={writersAmong(peerIds, section, members.resource.data ?? [])}
            onChanged={() => {
              detail.reload();
              history.reload();
              // An approval stores a version.
              versions.reload();
            }}
          />
          <TransitionHistory history={history.resource} reload={history.reload} language={info?.language} />
          <VersionsPanel
            projectId={projectId}
            sectionId={section.id}
            language={info?.language}
            versions={versions.resource}
            reload={versions.reload}
            abilities={{
              'section.edit': canEdit,
              'version.create': abilities?.['version.create'] ?? false,
            }}
            readOnlyReason={reason}
          />
        </>
      )}
    </>
  );
}

/**
 * The names of the others in the section who may write it now (by the permission table): a
 * step that ends writing would drop what they have not saved yet.
 */
function writersAmong(peerIds: readonly string[], section: Pick<Section, 'assigneeIds' | 'state'>, members: readonly Member[]): string[] {
  return members
    .filter((member) => peerIds.includes(member.userId))
    .filter((member) =>
      can(member.role, 'section.edit', { reviewState: section.state, isAssignee: section.assigneeIds.includes(member.userId) }),
    )
    .map((member) => member.name);
}
