import type { Invitation, Member } from '@kapitel/domain';
import { useI18n } from '../../../i18n';
import { ConfirmButton, DataTable } from '../../../ui';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface InvitationListProps {
  invitations: readonly Invitation[];
  /** To show who invited by name. */
  members: readonly Member[];
  onRevoke: (invitation: Invitation) => Promise<void>;
}

export function InvitationList({ invitations, members, onRevoke }: InvitationListProps) {
  const { t, formatDate, formatDateTime } = useI18n();
  if (invitations.length === 0) {
    return <p className="muted">{t('invitations.empty')}</p>;
  }
  // `invitedBy` is a user id; an inviter who has left the project is shown as a dash.
  const nameOf = (invitedBy: string): string =>
    members.find((member) => member.userId === invitedBy)?.name ?? (UUID.test(invitedBy) ? '—' : invitedBy);
  return (
    <DataTable
      caption={t('invitations.caption')}
      columns={[
        t('invitations.email'),
        t('invitations.role'),
        t('invitations.invitedBy'),
        t('invitations.createdAt'),
        t('invitations.expiresAt'),
        t('invitations.actions'),
      ]}
    >
      {invitations.map((invitation) => (
        <tr key={invitation.id}>
          <th scope="row">{invitation.email}</th>
          <td>{t(`role.${invitation.role}`)}</td>
          <td>{nameOf(invitation.invitedBy)}</td>
          <td>
            <time dateTime={invitation.createdAt}>{formatDate(invitation.createdAt)}</time>
          </td>
          <td>
            <time dateTime={invitation.expiresAt}>{formatDateTime(invitation.expiresAt)}</time>
          </td>
          <td className="table__actions">
            <ConfirmButton
              label={t('invitations.revoke')}
              accessibleLabel={t('invitations.revokeFor', { email: invitation.email })}
              question={t('invitations.revokeQuestion', { email: invitation.email })}
              confirmLabel={t('invitations.revokeConfirm')}
              cancelLabel={t('common.cancel')}
              onConfirm={() => onRevoke(invitation)}
            />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
