import { Link } from 'react-router';
import { useT } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { Alert } from '../../../ui';

/** Why a link cannot be accepted (any more); its page says which, and offers no accept button. */
export type UnavailableReason = 'invalid' | 'expired' | 'used' | 'revoked';

const REASONS: Partial<Record<string, UnavailableReason>> = {
  // A token of the wrong shape (400) is as invalid as an unknown one (404).
  VALIDATION: 'invalid',
  NOT_FOUND: 'invalid',
  INVITATION_EXPIRED: 'expired',
  INVITATION_USED: 'used',
  INVITATION_REVOKED: 'revoked',
};

/** The reason behind a failed preview or accept, or null for other failures (network, server). */
export function unavailableReason(error: unknown): UnavailableReason | null {
  return isApiError(error) ? (REASONS[error.code] ?? null) : null;
}

/** What to do about a link that cannot be accepted; the page's heading says why. */
export function InvitationUnavailable({ reason }: { reason: UnavailableReason }) {
  const t = useT();
  return (
    <Alert tone="error">
      <p>{t(`invitationLink.${reason}.body`)}</p>
      <p>
        <Link to="/projects">{t('invitationLink.toProjects')}</Link>
      </p>
    </Alert>
  );
}
