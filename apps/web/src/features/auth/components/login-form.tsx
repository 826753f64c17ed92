import { LIMITS, normaliseEmail, type User } from '@kapitel/domain';
import { ErrorAlert, issueText, useT } from '../../../i18n';
import { useForm } from '../../../lib/use-form';
import { rules } from '../../../lib/validation';
import { Button, TextField } from '../../../ui';
import { login } from '../api/auth-api';
import { useSession } from '../hooks/use-session';

export function LoginForm({ onSignedIn, email = '' }: { onSignedIn: (user: User) => void; email?: string }) {
  const t = useT();
  const session = useSession();
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
    </form>
  );
}
