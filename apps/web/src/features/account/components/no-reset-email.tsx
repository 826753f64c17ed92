import { useT } from '../../../i18n';
import { Alert } from '../../../ui';

/** This server sends no e-mail: reset links come from whoever runs it (docs/accounts.md). */
export function NoResetEmail() {
  const t = useT();
  return (
    <Alert tone="info" title={t('auth.forgot.noEmail.title')}>
      <p>{t('auth.forgot.noEmail.text')}</p>
    </Alert>
  );
}
