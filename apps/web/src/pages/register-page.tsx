import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { authPathReturningTo, RegisterForm, safeNextPath, useSession } from '../features/auth';
import { useDocumentTitle, useT } from '../i18n';
import { Alert, Card, Loading } from '../ui';

export function RegisterPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  useDocumentTitle(t('auth.register.title'));

  if (session.status === 'loading') {
    return <Loading label={t('app.loading')} />;
  }
  if (session.user !== null) {
    return <Navigate to={next} replace />;
  }
  return (
    <div className="auth-page">
      <h1>{t('auth.register.title')}</h1>
      <p className="page-header__lead">{t('auth.register.intro')}</p>
      {next.startsWith('/invite/') ? <Alert tone="info">{t('auth.returnToInvitation')}</Alert> : null}
      <Card>
        <RegisterForm onSignedIn={() => void navigate(next, { replace: true })} />
      </Card>
      <p>
        {t('auth.register.haveAccount')}{' '}
        <Link to={authPathReturningTo('/login', next)}>{t('auth.register.toLogin')}</Link>
      </p>
    </div>
  );
}
