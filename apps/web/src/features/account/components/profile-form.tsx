import { LIMITS, type User } from '@kapitel/domain';
import { useState } from 'react';
import { useSession } from '../../auth';
import { ErrorAlert, issueText, useT } from '../../../i18n';
import { useForm } from '../../../lib/use-form';
import { rules } from '../../../lib/validation';
import { Alert, Button, TextField } from '../../../ui';
import { updateMe } from '../api/account-api';

/**
 * Name and organisation, with the registration's rules; the header shows the new name at once.
 * The name needs no hint here: the card's description already says who sees it.
 */
export function ProfileForm({ user }: { user: User }) {
  const t = useT();
  const session = useSession();
  const [saved, setSaved] = useState(false);
  const form = useForm(
    { name: user.name, organisation: user.organisation ?? '' },
    {
      name: [rules.required(), rules.maxLength(LIMITS.nameMaxLength)],
      organisation: [rules.maxLength(LIMITS.organisationMaxLength)],
    },
  );

  const submit = form.onSubmit(async (values) => {
    setSaved(false);
    const organisation = values.organisation.trim();
    const updated = await updateMe({ name: values.name.trim(), organisation: organisation === '' ? null : organisation });
    session.userChanged(updated);
    form.setValue('name', updated.name);
    form.setValue('organisation', updated.organisation ?? '');
    setSaved(true);
  });

  return (
    <form className="form-narrow" noValidate onSubmit={submit}>
      <ErrorAlert error={form.error} otherDetails={form.otherDetails} />
      <TextField
        {...form.field('name')}
        label={t('auth.name')}
        autoComplete="name"
        required
        error={issueText(t, form.issues.name)}
      />
      <TextField
        {...form.field('organisation')}
        label={t('auth.organisation')}
        hint={t('auth.organisationHint')}
        autoComplete="organization"
        error={issueText(t, form.issues.organisation)}
      />
      <div role="status">{saved && form.error === null ? <Alert tone="success">{t('account.profile.saved')}</Alert> : null}</div>
      <div className="form-actions">
        <Button type="submit" busy={form.submitting}>
          {t('account.profile.submit')}
        </Button>
      </div>
    </form>
  );
}
