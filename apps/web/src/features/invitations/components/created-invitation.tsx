import { useI18n } from '../../../i18n';
import { Alert, CopyField } from '../../../ui';
import type { NewInvitation } from './invite-form';

/**
 * The link of a just-created invitation, to copy and pass on. The announcement lives in a
 * live region that is always present (a region inserted with its text is often not read);
 * the copy field itself is not live, so it is not read twice.
 */
export function CreatedInvitation({ created }: { created: NewInvitation | null }) {
  const { t, formatDateTime } = useI18n();
  const message =
    created === null
      ? ''
      : t('invite.created', { email: created.email, date: formatDateTime(created.invitation.expiresAt) });
  return (
    <>
      <p className="visually-hidden" role="status">
        {message}
      </p>
      {created === null ? null : (
        <Alert tone="success">
          <p>{message}</p>
          <CopyField
            label={t('invite.link')}
            value={created.invitation.url}
            copyLabel={t('invite.copy')}
            copiedMessage={t('invite.copied')}
            failedMessage={t('invite.copyFailed')}
          />
        </Alert>
      )}
    </>
  );
}
