import type { Invitation, Member } from '@kapitel/domain';
import { useI18n } from '../../../i18n';
import { ConfirmButton, TableFrame } from '../../../ui';

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
    <TableFrame label={t('invitations.caption')}>
      <table className="table">
        <caption className="visually-hidden">{t('invitations.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('invitations.email')}</th>
            <th scope="col">{t('invitations.role')}</th>
            <th scope="col">{t('invitations.invitedBy')}</th>
            <th scope="col">{t('invitations.createdAt')}</th>
            <th scope="col">{t('invitations.expiresAt')}</th>
            <th scope="col">{t('invitations.actions')}</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </TableFrame>
  );
}
