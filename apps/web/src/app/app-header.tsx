import { useState, useSyncExternalStore } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import { useSession } from '../features/auth';
import { NotificationBell } from '../features/notifications';
import { ErrorAlert, useT } from '../i18n';
import { hasUnsavedWork, subscribeUnsavedWork } from '../lib/unsaved-work';
import { Button, ConfirmButton } from '../ui';
import { LanguageSwitcher } from './language-switcher';

export function AppHeader() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const user = session.user;
  // Signing out would drop edits the server has not stored: then it asks first.
  const unsaved = useSyncExternalStore(subscribeUnsavedWork, hasUnsavedWork);

  const signOut = async (): Promise<void> => {
    setSigningOut(true);
    setError(null);
    try {
      await session.signOut();
      void navigate('/login', { replace: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setSigningOut(false);
    }
  };

  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link to="/" className="app-header__brand">
          <span className="app-header__logo" aria-hidden="true">
            K
          </span>
          <span>{t('app.name')}</span>
        </Link>
        {user === null ? null : (
          <nav className="app-header__nav" aria-label={t('app.mainNavigation')}>
            <NavLink to="/projects" className="app-header__nav-link">
              {t('header.projects')}
            </NavLink>
          </nav>
        )}
        <div className="app-header__tools">
          {user === null ? null : <NotificationBell key={user.id} />}
          <LanguageSwitcher />
          {user === null ? (
            session.status === 'ready' ? (
              <>
                <Link className="app-header__link" to="/login">
                  {t('header.login')}
                </Link>
                <Link className="app-header__link" to="/register">
                  {t('header.register')}
                </Link>
              </>
            ) : null
          ) : (
            <div className="app-header__user" role="group" aria-label={t('header.userMenu')}>
              <span className="app-header__user-name">
                <span className="visually-hidden">{t('header.signedInAs')} </span>
                {user.name}
              </span>
              <NavLink className="app-header__link" to="/account">
                {t('account.headerLink')}
              </NavLink>
              {unsaved ? (
                <ConfirmButton
                  label={t('header.logout')}
                  question={t('session.logoutQuestion')}
                  confirmLabel={t('session.logoutConfirm')}
                  cancelLabel={t('common.cancel')}
                  onConfirm={signOut}
                />
              ) : (
                <Button variant="secondary" size="small" busy={signingOut} onClick={() => void signOut()}>
                  {t('header.logout')}
                </Button>
              )}
            </div>
          )}
        </div>
      </div>
      {error === null ? null : (
        <div className="app-header__error">
          <ErrorAlert error={error} />
        </div>
      )}
    </header>
  );
}
