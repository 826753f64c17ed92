import { isRole, LIMITS, normaliseEmail, ROLES, type CreatedInvitation, type Role } from '@kapitel/domain';
import { ErrorAlert, issueText, useT } from '../../../i18n';
import { useForm } from '../../../lib/use-form';
import { rules } from '../../../lib/validation';
import { Button, SelectField, TextField } from '../../../ui';
import { useSession } from '../../auth';
import { createInvitation } from '../api/invitations-api';

export interface NewInvitation {
  email: string;
  role: Role;
  invitation: CreatedInvitation;
}

export interface InviteFormProps {
  projectId: string;
  /** Called on every submit, also one the form refuses, so that an older "created" notice goes. */
  onSubmitting: () => void;
  onCreated: (created: NewInvitation) => void;
}

export function InviteForm({ projectId, onSubmitting, onCreated }: InviteFormProps) {
  const t = useT();
  const own = useSession().user?.email;
  const form = useForm(
    { email: '', role: 'author' },
    { email: [rules.required(), rules.email(), rules.maxLength(LIMITS.emailMaxLength), rules.notOwnEmail(own)] },
  );

  const send = form.onSubmit(async (values) => {
    const email = normaliseEmail(values.email);
    const role = isRole(values.role) ? values.role : 'author';
    const invitation = await createInvitation(projectId, { email, role });
    form.reset();
    onCreated({ email, role, invitation });
  });

  const submit = (event: Parameters<typeof send>[0]): void => {
    onSubmitting();
    send(event);
  };

  const roleHint = isRole(form.values.role) ? t(`role.${form.values.role}.description`) : undefined;

  return (
    <form className="form-narrow" noValidate onSubmit={submit}>
      <ErrorAlert error={form.error} otherDetails={form.otherDetails} />
      <TextField
        {...form.field('email')}
        label={t('invite.email')}
        type="email"
        autoComplete="off"
        inputMode="email"
        spellCheck={false}
        required
        error={issueText(t, form.issues.email)}
      />
      <SelectField
        {...form.field('role')}
        label={t('invite.role')}
        hint={roleHint}
        options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
        error={issueText(t, form.issues.role)}
      />
      <div className="form-actions">
        <Button type="submit" busy={form.submitting}>
          {t('invite.submit')}
        </Button>
      </div>
    </form>
  );
}
