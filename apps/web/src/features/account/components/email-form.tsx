import { LIMITS, normaliseEmail, type User } from '@kapitel/domain';
import { useEffect, useRef, useState } from 'react';
import { useSession } from '../../auth';
import { ErrorAlert, issueText, useI18n } from '../../../i18n';
import { useForm } from '../../../lib/use-form';
import { rules } from '../../../lib/validation';
import { Alert, Button, TextField } from '../../../ui';
import { changeEmail } from '../api/account-api';
import { CurrentPasswordField } from './current-password-field';

/**
 * A new address for the account, confirmed with the current password. A taken address and a
 * wrong password are said at their fields; afterwards the other sessions are ended and the
 * old address is told (when the server sends e-mail).
 */
export function EmailForm({ user }: { user: User }) {
  const { t, language } = useI18n();
  const session = useSession();
  const [changed, setChanged] = useState<{ email: string; ended: number } | null>(null);
  // The server would refuse it too, but only with a generic message: said here in words.
  const [sameAddress, setSameAddress] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    // Like the form's own messages: the focus arrives once the message is there to be read.
    const field = sameAddress ? formRef.current?.elements.namedItem('newEmail') : null;
    if (field instanceof HTMLInputElement) {
      field.focus();
    }
  }, [sameAddress]);
  const form = useForm(
    { newEmail: '', currentPassword: '' },
    {
      newEmail: [rules.required(), rules.email(), rules.maxLength(LIMITS.emailMaxLength)],
      currentPassword: [rules.required()],
    },
    { EMAIL_TAKEN: 'newEmail', WRONG_PASSWORD: 'currentPassword' },
  );

  const submit = form.onSubmit(async (values) => {
    setChanged(null);
    setSameAddress(false);
    if (normaliseEmail(values.newEmail) === user.email) {
      setSameAddress(true);
      return;
    }
    const result = await changeEmail({ newEmail: values.newEmail, currentPassword: values.currentPassword, language });
    session.userChanged(result.user);
    // The password does not stay on screen once it has done its work.
    form.reset();
    setChanged({ email: result.user.email, ended: result.endedSessions });
  });

  // The registration's words for a taken address ("please sign in") do not fit here.
  const taken = form.issues.newEmail?.kind === 'refused' && form.issues.newEmail.code === 'EMAIL_TAKEN';
  const newEmailIssue = taken ? t('account.email.taken') : issueText(t, form.issues.newEmail);
  return (
    <form ref={formRef} className="form-narrow" noValidate onSubmit={submit}>
      <ErrorAlert error={form.summaryError} otherDetails={form.otherDetails} />
      <TextField
        {...form.field('newEmail')}
        label={t('account.email.new')}
        type="email"
        autoComplete="email"
        required
        error={sameAddress ? t('account.email.same') : newEmailIssue}
      />
      <CurrentPasswordField form={form} />
      <div role="status">
        {changed === null ? null : (
          <Alert tone="success">
            {changed.ended === 0
              ? t('account.email.changedAlone', { email: changed.email })
              : t('account.email.changed', { email: changed.email, count: changed.ended })}
          </Alert>
        )}
      </div>
      <div className="form-actions">
        <Button type="submit" busy={form.submitting}>
          {t('account.email.submit')}
        </Button>
      </div>
    </form>
  );
}
