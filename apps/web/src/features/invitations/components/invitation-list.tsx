import { LIMITS, type Invitation, type Member } from '@kapitel/domain';
import { useI18n } from '../../../i18n';
import { Badge, ConfirmButton, DataTable } from '../../../ui';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface InvitationListProps {
  invitations: readonly Invitation[];
  /** To show who invited by name. */
  members: readonly Member[];
  onRenew: (invitation: Invitation) => Promise<void>;
  onRevoke: (invitation: Invitation) => Promise<void>;
}

/**
 * The open invitations: address, role, inviter, expiry and whether the link was e-mailed.
 * Links are not listed (only their hashes are stored); "Neuen Link erzeugen" makes a new one.
 * Invitations that expired unused stay a while, marked, so that the lead sees who never
 * joined: a new link, or "Entfernen" (the server's revocation) once nobody is waiting for one.
 */
export function InvitationList({ invitations, members, onRenew, onRevoke }: InvitationListProps) {
  const { t, formatDateTime } = useI18n();
  if (invitations.length === 0) {
    return <p className="muted">{t('invitations.empty')}</p>;
  }
  // `invitedBy` is a user id; an inviter who has left the project is shown as a dash, a deleted account as such.
  const nameOf = (invitedBy: string | null): string =>
    invitedBy === null
      ? t('account.deletedName')
      : (members.find((member) => member.userId === invitedBy)?.name ?? (UUID.test(invitedBy) ? '—' : invitedBy));
  return (
    <DataTable
      caption={t('invitations.caption')}
      columns={[
        t('invitations.email'),
        t('invitations.role'),
        t('invitations.invitedBy'),
        t('invitations.expiresAt'),
        t('invitations.emailStatus'),
        t('invitations.actions'),
      ]}
    >
      {invitations.map((invitation) => (
        <tr key={invitation.id}>
          <th scope="row">{invitation.email}</th>
          <td>{t(`role.${invitation.role}`)}</td>
          <td>{nameOf(invitation.invitedBy)}</td>
          <td>
            {invitation.expired ? (
              <>
                <Badge tone="warning">{t('invitations.expired')}</Badge>{' '}
              </>
            ) : null}
            <time dateTime={invitation.expiresAt}>{formatDateTime(invitation.expiresAt)}</time>
          </td>
          <td>{t(`invitations.emailStatus.${invitation.emailStatus}`)}</td>
          <td className="table__actions">
            <div className="invitation-actions">
              <ConfirmButton
                label={t('invitations.renew')}
                accessibleLabel={t('invitations.renewFor', { email: invitation.email })}
                question={
                  invitation.expired
                    ? t('invitations.renewExpiredQuestion', { email: invitation.email, days: LIMITS.invitationValidDays })
                    : t('invitations.renewQuestion', { email: invitation.email })
                }
                confirmLabel={t('invitations.renewConfirm')}
                cancelLabel={t('common.cancel')}
                onConfirm={() => onRenew(invitation)}
              />
              <ConfirmButton
                label={t(invitation.expired ? 'invitations.remove' : 'invitations.revoke')}
                accessibleLabel={t(invitation.expired ? 'invitations.removeFor' : 'invitations.revokeFor', { email: invitation.email })}
                question={t(invitation.expired ? 'invitations.removeQuestion' : 'invitations.revokeQuestion', { email: invitation.email })}
                confirmLabel={t(invitation.expired ? 'invitations.removeConfirm' : 'invitations.revokeConfirm')}
                cancelLabel={t('common.cancel')}
                onConfirm={() => onRevoke(invitation)}
              />
            </div>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
