import { LIMITS, normaliseEmail, PASSWORD_RESET_VALID_MINUTES } from '@kapitel/domain';
import { useEffect, useRef, useState } from 'react';
import { ErrorAlert, issueText, useI18n } from '../../../i18n';
import { useForm } from '../../../lib/use-form';
import { rules } from '../../../lib/validation';
import { Alert, Button, TextField } from '../../../ui';
import { requestPasswordReset } from '../api/account-api';
import { NoResetEmail } from './no-reset-email';

/**
 * Asks for a reset link. The answer is the same for every address, so the page says what
 * happens if there is an account, never whether there is one.
 */
export function ForgotPasswordForm() {
  const { t, language } = useI18n();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [byEmail, setByEmail] = useState(true);
  const result = useRef<HTMLDivElement>(null);
  const form = useForm({ email: '' }, { email: [rules.required(), rules.email(), rules.maxLength(LIMITS.emailMaxLength)] });

  // The form is gone once sent: focus goes to what replaced it, so that nobody is left on nothing.
  useEffect(() => {
    if (sentTo !== null) {
      result.current?.focus();
    }
  }, [sentTo]);

  const submit = form.onSubmit(async (values) => {
    const address = normaliseEmail(values.email);
    const info = await requestPasswordReset({ email: address, language });
    setByEmail(info.byEmail);
    setSentTo(address);
  });

  if (sentTo !== null) {
    return (
      <div ref={result} tabIndex={-1} role="status">
        {byEmail ? <Alert tone="success">{t('auth.forgot.sent', { email: sentTo, minutes: PASSWORD_RESET_VALID_MINUTES })}</Alert> : <NoResetEmail />}
      </div>
    );
  }
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
      <div className="form-actions">
        <Button type="submit" busy={form.submitting}>
          {t('auth.forgot.submit')}
        </Button>
      </div>
    </form>
  );
}
