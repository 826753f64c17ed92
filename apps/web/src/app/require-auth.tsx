import { Navigate, Outlet, useLocation } from 'react-router';
import { authPathReturningTo, useSession } from '../features/auth';
import { useT } from '../i18n';
import { Loading } from '../ui';

/** Routes below it need a signed-in user; others are sent to sign in and brought back. */
export function RequireAuth() {
  const t = useT();
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') {
    return <Loading label={t('app.loading')} />;
  }
  if (session.user === null) {
    // After an expired session, come back here once signed in; after "Sign out" there is no
    // reason to (the next person to sign in may not even see this page).
    const target = session.signedOutByUser
      ? '/login'
      : authPathReturningTo('/login', location.pathname + location.search);
    return <Navigate to={target} replace />;
  }
  return <Outlet />;
}

/** `/`: the project list for a signed-in user, the sign-in page otherwise. */
export function HomeRedirect() {
  const t = useT();
  const session = useSession();
  if (session.status === 'loading') {
    return <Loading label={t('app.loading')} />;
  }
  return <Navigate to={session.user === null ? '/login' : '/projects'} replace />;
}
