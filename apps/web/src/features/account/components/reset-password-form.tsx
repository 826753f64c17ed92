import { LIMITS } from '@kapitel/domain';
import { Link } from 'react-router';
import { ErrorAlert, issueText, useT } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { useForm } from '../../../lib/use-form';
import { rules } from '../../../lib/validation';
import { Button, TextField } from '../../../ui';
import { confirmPasswordReset } from '../api/account-api';

/** A link that cannot be used any more needs a new one, not another try. */
const DEAD_LINK = new Set(['RESET_LINK_INVALID', 'RESET_LINK_EXPIRED', 'RESET_LINK_USED']);

/** The new password for a reset link's token (the registration's rules); `onDone` when it is set. */
export function ResetPasswordForm({ token, onDone }: { token: string; onDone: () => void }) {
  const t = useT();
  const form = useForm(
    { newPassword: '' },
    { newPassword: [rules.required(), rules.minLength(LIMITS.passwordMinLength), rules.maxLength(LIMITS.passwordMaxLength)] },
  );

  const submit = form.onSubmit(async (values) => {
    await confirmPasswordReset({ token, newPassword: values.newPassword });
    onDone();
  });
  const deadLink = isApiError(form.error) && DEAD_LINK.has(form.error.code);

  return (
    <form className="form-narrow" noValidate onSubmit={submit}>
      <ErrorAlert error={form.error} otherDetails={form.otherDetails} />
      {deadLink ? (
        <p>
          <Link to="/forgot-password">{t('auth.reset.requestNew')}</Link>
        </p>
      ) : null}
      <TextField
        {...form.field('newPassword')}
        label={t('account.password.new')}
        hint={t('auth.passwordHint', { min: LIMITS.passwordMinLength })}
        type="password"
        autoComplete="new-password"
        required
        error={issueText(t, form.issues.newPassword)}
      />
      <div className="form-actions">
        <Button type="submit" busy={form.submitting}>
          {t('auth.reset.submit')}
        </Button>
      </div>
    </form>
  );
}
