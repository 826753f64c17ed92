import { LIMITS, normaliseEmail, type User } from '@kapitel/domain';
import { ErrorAlert, issueText, useT } from '../../../i18n';
import { useForm } from '../../../lib/use-form';
import { rules } from '../../../lib/validation';
import { Button, TextField } from '../../../ui';
import { register } from '../api/auth-api';
import { useSession } from '../hooks/use-session';

export function RegisterForm({ onSignedIn, email = '' }: { onSignedIn: (user: User) => void; email?: string }) {
  const t = useT();
  const session = useSession();
  const form = useForm(
    { name: '', email, organisation: '', password: '' },
    {
      name: [rules.required(), rules.maxLength(LIMITS.nameMaxLength)],
      email: [rules.required(), rules.email(), rules.maxLength(LIMITS.emailMaxLength)],
      organisation: [rules.maxLength(LIMITS.organisationMaxLength)],
      password: [
        rules.required(),
        rules.minLength(LIMITS.passwordMinLength),
        rules.maxLength(LIMITS.passwordMaxLength),
      ],
    },
    { EMAIL_TAKEN: 'email' },
  );

  const submit = form.onSubmit(async (values) => {
    const organisation = values.organisation.trim();
    const user = await register({
      name: values.name.trim(),
      email: normaliseEmail(values.email),
      password: values.password,
      ...(organisation === '' ? {} : { organisation }),
    });
    session.signedIn(user);
    onSignedIn(user);
  });

  return (
    <form className="form-narrow" noValidate onSubmit={submit}>
      <ErrorAlert error={form.summaryError} otherDetails={form.otherDetails} />
      <TextField
        {...form.field('name')}
        label={t('auth.name')}
        hint={t('auth.nameHint')}
        autoComplete="name"
        required
        error={issueText(t, form.issues.name)}
      />
      <TextField
        {...form.field('email')}
        label={t('auth.email')}
        type="email"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        required
        error={issueText(t, form.issues.email)}
      />
      <TextField
        {...form.field('organisation')}
        label={t('auth.organisation')}
        hint={t('auth.organisationHint')}
        autoComplete="organization"
        error={issueText(t, form.issues.organisation)}
      />
      <TextField
        {...form.field('password')}
        label={t('auth.password')}
        hint={t('auth.passwordHint', { min: LIMITS.passwordMinLength })}
        type="password"
        autoComplete="new-password"
        required
        error={issueText(t, form.issues.password)}
      />
      <div className="form-actions">
        <Button type="submit" busy={form.submitting}>
          {t('auth.register.submit')}
        </Button>
      </div>
    </form>
  );
}
