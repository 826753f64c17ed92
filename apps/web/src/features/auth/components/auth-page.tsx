import type { ReactNode } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useDocumentTitle, useT, type MessageKey } from '../../../i18n';
import { Alert, Card, Loading } from '../../../ui';
import { useSession } from '../hooks/use-session';
import { authPathReturningTo, safeNextPath, suggestedEmail } from '../utils/next-path';

export interface AuthPageProps {
  title: MessageKey;
  intro: MessageKey;
  /** The form, starting with `email` (may be empty); call `onSignedIn` once the user is signed in. */
  form: (onSignedIn: () => void, email: string) => ReactNode;
  /** The way to the other page (register <-> login), keeping where to go afterwards. */
  switchTo: { path: '/login' | '/register'; question: MessageKey; link: MessageKey };
}

/**
 * The frame of the sign-in and registration pages: a signed-in user goes straight on to
 * `?next=` (only paths of our own, see safeNextPath), everyone else sees the form.
 */
export function AuthPage({ title, intro, form, switchTo }: AuthPageProps) {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const email = suggestedEmail(params.get('email'));
  useDocumentTitle(t(title));

  if (session.status === 'loading') {
    return <Loading label={t('app.loading')} />;
  }
  if (session.user !== null) {
    return <Navigate to={next} replace />;
  }
  return (
    <div className="auth-page">
      <h1>{t(title)}</h1>
      <p className="page-header__lead">{t(intro)}</p>
      {session.sessionEnded ? <Alert tone="info">{t('auth.sessionEnded')}</Alert> : null}
      {next.startsWith('/invite/') ? <Alert tone="info">{t('auth.returnToInvitation')}</Alert> : null}
      <Card>{form(() => void navigate(next, { replace: true }), email)}</Card>
      <p>
        {t(switchTo.question)} <Link to={authPathReturningTo(switchTo.path, next, email)}>{t(switchTo.link)}</Link>
      </p>
    </div>
  );
}
