import { LIMITS, type Invitation, type Member } from '@kapitel/domain';
import { useEffect, useRef, useState } from 'react';
import { ErrorAlert, useT } from '../../../i18n';
import { useResource } from '../../../lib/use-resource';
import { Alert, Card, Loading } from '../../../ui';
import { listInvitations, renewInvitation, revokeInvitation } from '../api/invitations-api';
import { InvitationList } from './invitation-list';
import { IssuedInvitation, type IssuedLink } from './issued-invitation';
import { InviteForm } from './invite-form';

export interface InvitationsPanelProps {
  projectId: string;
  /** For the ready-to-send invitation text. */
  projectTitle: string;
  members: readonly Member[];
}

/** For leads: invite by email and role, see the open invitations, give them a new link or revoke them. */
export function InvitationsPanel({ projectId, projectTitle, members }: InvitationsPanelProps) {
  const t = useT();
  const { resource, reload } = useResource((signal) => listInvitations(projectId, { signal }), [projectId]);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [issued, setIssued] = useState<IssuedLink | null>(null);
  const renewedBox = useRef<HTMLDivElement>(null);

  // The row whose button had the focus is replaced by the renewed invitation's: the new link takes it.
  const renewedId = issued?.renewed ? issued.invitation.id : null;
  useEffect(() => {
    if (renewedId !== null) {
      renewedBox.current?.focus();
    }
  }, [renewedId]);

  const renew = async (invitation: Invitation): Promise<void> => {
    setError(null);
    setAnnouncement('');
    try {
      const renewed = await renewInvitation(projectId, invitation.id);
      setIssued({ email: invitation.email, role: invitation.role, invitation: renewed, renewed: true });
      reload();
    } catch (caught) {
      setError(caught);
    }
  };

  const revoke = async (invitation: Invitation): Promise<void> => {
    setError(null);
    setAnnouncement('');
    try {
      await revokeInvitation(projectId, invitation.id);
      setAnnouncement(t(invitation.expired ? 'invitations.removed' : 'invitations.revoked', { email: invitation.email }));
      // A revoked link must not stay on screen as if it could still be passed on.
      if (issued?.invitation.id === invitation.id) {
        setIssued(null);
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
            setIssued(null);
            setAnnouncement('');
          }}
          onCreated={(created) => {
            setIssued({ ...created, renewed: false });
            reload();
          }}
        />
        <IssuedInvitation issued={issued?.renewed === false ? issued : null} projectTitle={projectTitle} />
      </Card>
      <Card title={t('invitations.title')}>
        <div role="status">{announcement === '' ? null : <Alert tone="success">{announcement}</Alert>}</div>
        <ErrorAlert error={error} />
        {resource.status === 'error' ? <ErrorAlert error={resource.error} onRetry={reload} /> : null}
        <IssuedInvitation
          issued={issued?.renewed === true ? issued : null}
          projectTitle={projectTitle}
          boxRef={renewedBox}
        />
        {resource.data === undefined ? (
          resource.status === 'loading' ? (
            <Loading label={t('app.loading')} />
          ) : null
        ) : (
          <InvitationList invitations={resource.data} members={members} onRenew={renew} onRevoke={revoke} />
        )}
        <p className="muted invitations-hint">
          {t('invitations.hint', { days: LIMITS.invitationValidDays, expiredDays: LIMITS.invitationExpiredListedDays })}
        </p>
      </Card>
    </>
  );
}
