import { Navigate, Outlet, useLocation } from 'react-router';
import { authPathReturningTo, SignInAgainDialog, useSession } from '../features/auth';
import { useT } from '../i18n';
import { Loading } from '../ui';

/**
 * Routes below it need a signed-in user; others are sent to sign in and brought back.
 * A page whose session ended while it held unsaved work stays, with a dialog to sign in again.
 */
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
  // One shape either way, so that the page below keeps its state (the editor its edits).
  return (
    <>
      <Outlet />
      {/* The session ended with unsaved work on this page: it stays, under the way back in. */}
      {session.resumable ? <SignInAgainDialog user={session.user} /> : null}
    </>
  );
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
