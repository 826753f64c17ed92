import { useState, type ReactNode } from 'react';
import { useT } from '../i18n';
import { useProjectEvents, type ProjectEvent } from '../lib/use-project-events';
import type { Resource } from '../lib/use-resource';
import { Loading } from '../ui';
import { AccessEnded } from './access-ended';
import { LoadFailure } from './load-failure';

/** Whether the membership in the page's project ended while the page was open, and how. */
export interface ProjectAccess {
  /** The stream said `revoked` and has not opened again since. */
  readonly ended: boolean;
  /** …because the project itself was deleted. */
  readonly deleted: boolean;
}

/**
 * Follows the project's stream for a page of it: a `revoked` event ends the access, any other
 * event (the stream opens again only for a member, e.g. one invited anew) restores it and is
 * passed to `onEvent`. The state is kept per project because pages stay mounted when the
 * address changes to another project.
 */
export function useProjectAccess(
  projectId: string,
  onEvent: (event: Exclude<ProjectEvent, { type: 'revoked' }>) => void,
): ProjectAccess {
  const [endedIn, setEndedIn] = useState<string | null>(null);
  const [deletedIn, setDeletedIn] = useState<string | null>(null);
  useProjectEvents(projectId, (event) => {
    if (event.type === 'revoked') {
      setEndedIn(projectId);
      if (event.reason === 'project-deleted') {
        setDeletedIn(projectId);
      }
      return;
    }
    setEndedIn((from) => (from === projectId ? null : from));
    onEvent(event);
  });
  return { ended: endedIn === projectId, deleted: deletedIn === projectId };
}

/**
 * What a project's page shows under its back link while it has nothing of its own to show:
 * that the access ended, that its data failed to load (or names nothing), or that it loads.
 */
export function ProjectPageWait({
  backLink,
  access,
  resource,
  onRetry,
}: {
  backLink: ReactNode;
  access: ProjectAccess;
  resource: Resource<unknown>;
  onRetry: () => void;
}) {
  const t = useT();
  let body: ReactNode;
  if (access.ended) {
    body = <AccessEnded projectDeleted={access.deleted} />;
  } else if (resource.status === 'error') {
    body = <LoadFailure error={resource.error} onRetry={onRetry} />;
  } else {
    body = <Loading label={t('app.loading')} />;
  }
  return (
    <>
      {backLink}
      {body}
    </>
  );
}
