import { issueText, useT, type MessageKey } from '../../../i18n';
import type { FormState } from '../../../lib/use-form';
import { TextField } from '../../../ui';

/**
 * The account's current password, which every change of the account asks for: the same field,
 * with the same browser autofill, on each of its forms. A wrong one is said here
 * (`WRONG_PASSWORD` is mapped onto `currentPassword` by each form).
 */
export function CurrentPasswordField<F extends string>({
  form,
  label = 'account.confirmPassword',
}: {
  form: FormState<F | 'currentPassword'>;
  label?: MessageKey;
}) {
  const t = useT();
  return (
    <TextField
      {...form.field('currentPassword')}
      label={t(label)}
      type="password"
      autoComplete="current-password"
      required
      error={issueText(t, form.issues.currentPassword)}
    />
  );
}
