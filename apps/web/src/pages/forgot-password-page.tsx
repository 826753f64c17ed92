import { Link } from 'react-router';
import { ForgotPasswordForm, NoResetEmail, passwordResetInfo } from '../features/account';
import { ErrorAlert, useDocumentTitle, useT } from '../i18n';
import { useResource } from '../lib/use-resource';
import { Card, Loading } from '../ui';

/** `/forgot-password`: asks for a reset link by e-mail, or says whom to ask when this server sends none. */
export function ForgotPasswordPage() {
  const t = useT();
  const { resource, reload } = useResource((signal) => passwordResetInfo({ signal }), []);
  useDocumentTitle(t('auth.forgot.title'));

  return (
    <div className="auth-page">
      <h1>{t('auth.forgot.title')}</h1>
      {resource.data?.byEmail === false ? null : <p className="page-header__lead">{t('auth.forgot.intro')}</p>}
      {resource.status === 'error' ? <ErrorAlert error={resource.error} onRetry={reload} /> : null}
      {resource.data === undefined ? (
        resource.status === 'loading' ? (
          <Loading label={t('app.loading')} />
        ) : null
      ) : resource.data.byEmail ? (
        <Card>
          <ForgotPasswordForm />
        </Card>
      ) : (
        <NoResetEmail />
      )}
      <p>
        <Link to="/login">{t('auth.forgot.toLogin')}</Link>
      </p>
    </div>
  );
}
