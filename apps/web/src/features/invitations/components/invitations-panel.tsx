import { LIMITS, type Invitation, type Member } from '@kapitel/domain';
import { useState } from 'react';
import { ErrorAlert, useT } from '../../../i18n';
import { useResource } from '../../../lib/use-resource';
import { Alert, Card, Loading } from '../../../ui';
import { listInvitations, revokeInvitation } from '../api/invitations-api';
import { InvitationList } from './invitation-list';
import { CreatedInvitation } from './created-invitation';
import { InviteForm, type NewInvitation } from './invite-form';

/** For leads: invite by email and role, and see or revoke the open invitations. */
export function InvitationsPanel({ projectId, members }: { projectId: string; members: readonly Member[] }) {
  const t = useT();
  const { resource, reload } = useResource((signal) => listInvitations(projectId, { signal }), [projectId]);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<NewInvitation | null>(null);

  const revoke = async (invitation: Invitation): Promise<void> => {
    setError(null);
    setAnnouncement('');
    try {
      await revokeInvitation(projectId, invitation.id);
      setAnnouncement(t('invitations.revoked', { email: invitation.email }));
      // A revoked link must not stay on screen as if it could still be passed on.
      if (created?.invitation.id === invitation.id) {
        setCreated(null);
      }
      reload();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <>
      <Card title={t('invite.title')} description={t('invite.intro', { days: LIMITS.invitationValidDays })}>
        <InviteForm
          projectId={projectId}
          onSubmitting={() => {
            setCreated(null);
            setAnnouncement('');
          }}
          onCreated={(next) => {
            setCreated(next);
            reload();
          }}
        />
        <CreatedInvitation created={created} />
      </Card>
      <Card title={t('invitations.title')}>
        <div role="status">{announcement === '' ? null : <Alert tone="success">{announcement}</Alert>}</div>
        <ErrorAlert error={error} />
        {resource.status === 'error' ? <ErrorAlert error={resource.error} onRetry={reload} /> : null}
        {resource.data === undefined ? (
          resource.status === 'loading' ? (
            <Loading label={t('app.loading')} />
          ) : null
        ) : (
          <InvitationList invitations={resource.data} members={members} onRevoke={revoke} />
        )}
      </Card>
    </>
  );
}
