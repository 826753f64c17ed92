import { LIMITS, normaliseEmail, type User } from '@kapitel/domain';
import { Link, useLocation } from 'react-router';
import { ErrorAlert, issueText, useT } from '../../../i18n';
import { useForm } from '../../../lib/use-form';
import { rules } from '../../../lib/validation';
import { Alert, Button, TextField } from '../../../ui';
import { login } from '../api/auth-api';
import { useSession } from '../hooks/use-session';

export function LoginForm({ onSignedIn, email = '' }: { onSignedIn: (user: User) => void; email?: string }) {
  const t = useT();
  const session = useSession();
  // Set by the reset page after a new password was saved (features/account).
  const passwordReset = (useLocation().state as { passwordReset?: boolean } | null)?.passwordReset === true;
  const form = useForm(
    { email, password: '' },
    {
      email: [rules.required(), rules.email(), rules.maxLength(LIMITS.emailMaxLength)],
      password: [rules.required()],
    },
  );

  const submit = form.onSubmit(async (values) => {
    const user = await login({ email: normaliseEmail(values.email), password: values.password });
    session.signedIn(user);
    onSignedIn(user);
  });

  return (
    <form className="form-narrow" noValidate onSubmit={submit}>
      {passwordReset ? (
        <Alert tone="success" live="status">
          <p>{t('auth.reset.done')}</p>
        </Alert>
      ) : null}
      <ErrorAlert error={form.error} otherDetails={form.otherDetails} />
      <TextField
        {...form.field('email')}
        label={t('auth.email')}
        type="email"
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        required
        error={issueText(t, form.issues.email)}
      />
      <TextField
        {...form.field('password')}
        label={t('auth.password')}
        type="password"
        autoComplete="current-password"
        required
        error={issueText(t, form.issues.password)}
      />
      <div className="form-actions">
        <Button type="submit" busy={form.submitting}>
          {t('auth.login.submit')}
        </Button>
      </div>
      {/* After the button, so that Tab goes from the password on to signing in. */}
      <p>
        <Link to="/forgot-password">{t('auth.forgot.link')}</Link>
      </p>
    </form>
  );
}
