import { DeleteAccount, EmailForm, OtherSessions, PasswordForm, ProfileForm } from '../features/account';
import { useSession } from '../features/auth';
import { useDocumentTitle, useT } from '../i18n';
import { Card } from '../ui';

/** `/account`: the signed-in user's name and organisation, address, password, other sessions, and deleting the account. */
export function AccountPage() {
  const t = useT();
  const { user } = useSession();
  useDocumentTitle(t('account.title'));
  if (user === null) {
    return null; // RequireAuth renders this page only with a user
  }
  return (
    <>
      <header className="page-header">
        <h1>{t('account.title')}</h1>
        <p className="page-header__lead">{t('account.intro')}</p>
        <p className="muted">{t('account.email', { email: user.email })}</p>
      </header>
      <div>
        <Card title={t('account.profile.title')} description={t('account.profile.description')}>
          <ProfileForm key={user.id} user={user} />
        </Card>
        <Card title={t('account.email.title')} description={t('account.email.description')}>
          <EmailForm key={user.id} user={user} />
        </Card>
        <Card title={t('account.password.title')} description={t('account.password.description')}>
          <PasswordForm />
        </Card>
        <Card title={t('account.sessions.title')} description={t('account.sessions.description')}>
          <OtherSessions />
        </Card>
        <Card className="card--danger" title={t('account.delete.title')} description={t('account.delete.description')}>
          <DeleteAccount />
        </Card>
      </div>
    </>
  );
}
