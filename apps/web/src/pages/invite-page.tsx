import { useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { authPathReturningTo, useSession } from '../features/auth';
import { useAcceptInvitation } from '../features/invitations';
import { ErrorAlert, useDocumentTitle, useT } from '../i18n';
import { isApiError } from '../lib/api';
import { Button, buttonClassName, Card, Loading } from '../ui';

/**
 * `/invite/:token`: the link a lead passed on. Signed-out visitors sign in or register and
 * come back here; signed-in ones accept with one click, seeing which account accepts, since
 * an invitation belongs to one email address (INVITATION_WRONG_ACCOUNT otherwise).
 */
export function InvitePage() {
  const t = useT();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const { accept, accepting, error } = useAcceptInvitation(token);
  const [signOutError, setSignOutError] = useState<unknown>(null);
  useDocumentTitle(t('acceptInvite.title'));

  if (session.status === 'loading') {
    return <Loading label={t('app.loading')} />;
  }
  if (token === '') {
    return <Navigate to="/" replace />;
  }
  const here = `/invite/${encodeURIComponent(token)}`;
  const user = session.user;

  const onAccept = async (): Promise<void> => {
    const accepted = await accept();
    if (accepted !== null) {
      void navigate(`/projects/${encodeURIComponent(accepted.projectId)}`, { replace: true });
    }
  };

  const switchAccount = async (): Promise<void> => {
    setSignOutError(null);
    try {
      await session.signOut();
      void navigate(authPathReturningTo('/login', here));
    } catch (caught) {
      setSignOutError(caught);
    }
  };

  const wrongAccount = isApiError(error) && error.code === 'INVITATION_WRONG_ACCOUNT';
  return (
    <div className="auth-page">
      <h1>{t('acceptInvite.title')}</h1>
      <p className="page-header__lead">{t('acceptInvite.intro')}</p>
      <Card>
        {user === null ? (
          <>
            <p>{t('acceptInvite.signedOut')}</p>
            <div className="form-actions">
              <Link className={buttonClassName('primary')} to={authPathReturningTo('/login', here)}>
                {t('acceptInvite.login')}
              </Link>
              <Link className={buttonClassName('secondary')} to={authPathReturningTo('/register', here)}>
                {t('acceptInvite.register')}
              </Link>
            </div>
          </>
        ) : (
          <>
            <ErrorAlert error={error ?? signOutError} />
            <p>{t('acceptInvite.signedInAs', { name: user.name, email: user.email })}</p>
            <div className="form-actions">
              {wrongAccount ? null : (
                <Button busy={accepting} onClick={() => void onAccept()}>
                  {t('acceptInvite.accept')}
                </Button>
              )}
              <Button variant="secondary" onClick={() => void switchAccount()}>
                {t('acceptInvite.otherAccount')}
              </Button>
              {error === null ? null : (
                <Link className={buttonClassName('ghost')} to="/projects">
                  {t('acceptInvite.toProjects')}
                </Link>
              )}
            </div>
          </>
        )}
      </Card>
    </div>
  );
}
