import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../auth';
import { useDocumentTitle, useT } from '../../../i18n';

/**
 * `/account-deleted`: the goodbye after deleting the account; needs no session. Coming from
 * the deletion, it forgets the user in this tab, with the edits kept in this browser (they can
 * never be saved now); the server has ended the session already.
 */
export function AccountDeleted() {
  const t = useT();
  const session = useSession();
  const location = useLocation();
  const fromDeletion = (location.state as { accountDeleted?: boolean } | null)?.accountDeleted === true;
  const { user, discardWork } = session;
  useEffect(() => {
    if (fromDeletion && user !== null) {
      discardWork();
    }
  }, [fromDeletion, user, discardWork]);
  useDocumentTitle(t('account.deleted.title'));
  return (
    <div className="auth-page">
      <h1>{t('account.deleted.title')}</h1>
      <p className="page-header__lead">{t('account.deleted.text')}</p>
      <p>
        <Link to="/login">{t('account.deleted.toLogin')}</Link>
      </p>
    </div>
  );
}
