import { Link, useNavigate, useSearchParams } from 'react-router';
import { ResetPasswordForm } from '../features/account';
import { useDocumentTitle, useT } from '../i18n';
import { Alert, Card } from '../ui';

/** `/reset-password?token=…`, the page a reset link opens: a new password, then on to sign in. */
export function ResetPasswordPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  useDocumentTitle(t('auth.reset.title'));

  return (
    <div className="auth-page">
      <h1>{t('auth.reset.title')}</h1>
      {token === '' ? (
        <Alert tone="error">
          <p>{t('auth.reset.noToken')}</p>
          <p>
            <Link to="/forgot-password">{t('auth.reset.requestNew')}</Link>
          </p>
        </Alert>
      ) : (
        <>
          <p className="page-header__lead">{t('auth.reset.intro')}</p>
          <Card>
            <ResetPasswordForm token={token} onDone={() => void navigate('/login', { replace: true, state: { passwordReset: true } })} />
          </Card>
        </>
      )}
    </div>
  );
}
