import { LIMITS } from '@kapitel/domain';
import { useState } from 'react';
import { ErrorAlert, issueText, useT } from '../../../i18n';
import { useForm } from '../../../lib/use-form';
import { rules } from '../../../lib/validation';
import { Alert, Button, TextField } from '../../../ui';
import { changePassword } from '../api/account-api';
import { CurrentPasswordField } from './current-password-field';

/** The current password and a new one (the registration's rules); the other sessions end. */
export function PasswordForm() {
  const t = useT();
  const [ended, setEnded] = useState<number | null>(null);
  const form = useForm(
    { currentPassword: '', newPassword: '' },
    {
      currentPassword: [rules.required()],
      newPassword: [rules.required(), rules.minLength(LIMITS.passwordMinLength), rules.maxLength(LIMITS.passwordMaxLength)],
    },
    { WRONG_PASSWORD: 'currentPassword' },
  );

  const submit = form.onSubmit(async (values) => {
    setEnded(null);
    const result = await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
    // Passwords do not stay on screen once they have done their work.
    form.reset();
    setEnded(result.endedSessions);
  });

  return (
    <form className="form-narrow" noValidate onSubmit={submit}>
      <ErrorAlert error={form.summaryError} otherDetails={form.otherDetails} />
      <CurrentPasswordField form={form} label="account.password.current" />
      <TextField
        {...form.field('newPassword')}
        label={t('account.password.new')}
        hint={t('auth.passwordHint', { min: LIMITS.passwordMinLength })}
        type="password"
        autoComplete="new-password"
        required
        error={issueText(t, form.issues.newPassword)}
      />
      <div role="status">
        {ended === null ? null : (
          <Alert tone="success">
            {ended === 0 ? t('account.password.changedAlone') : t('account.password.changed', { count: ended })}
          </Alert>
        )}
      </div>
      <div className="form-actions">
        <Button type="submit" busy={form.submitting}>
          {t('account.password.submit')}
        </Button>
      </div>
    </form>
  );
}
