import type { User } from '@kapitel/domain';
import { useId, useLayoutEffect, useRef } from 'react';
import { ErrorAlert, issueText, useT } from '../../../i18n';
import { useForm } from '../../../lib/use-form';
import { rules } from '../../../lib/validation';
import { Button, ConfirmButton, TextField } from '../../../ui';
import { login } from '../api/auth-api';
import { useSession } from '../hooks/use-session';
import './sign-in-again-dialog.css';

/**
 * Over a page whose session ended while it held unsaved work: sign in again as the same
 * person, right here, and the page goes on (the editor stores its edits); or give the work
 * up for the sign-in page. Modal, so that nothing behind it acts without a session; Escape
 * does not close it, since leaving it open would answer nothing.
 */
export function SignInAgainDialog({ user }: { user: User }) {
  const t = useT();
  const session = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  const form = useForm({ password: '' }, { password: [rules.required()] });

  useLayoutEffect(() => {
    const element = dialog.current;
    if (element === null) {
      return;
    }
    if (!element.open) {
      element.showModal();
    }
    // The title, not the password field: the dialog may open while someone types in the text,
    // and their next words would go into the password (and Enter send them as one).
    element.querySelector<HTMLElement>('.sign-in-again__title')?.focus();
    return () => {
      element.close();
    };
  }, []);

  const submit = form.onSubmit(async (values) => {
    // The same account only: the kept edits are this person's.
    session.signedIn(await login({ email: user.email, password: values.password }));
  });

  return (
    <dialog
      ref={dialog}
      className="dialog sign-in-again"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        event.preventDefault();
      }}
      onClose={(event) => {
        // A repeated Escape closes a dialog without asking: it stays until answered.
        if (session.resumable) {
          event.currentTarget.showModal();
        }
      }}
    >
      <h2 id={titleId} className="sign-in-again__title" tabIndex={-1}>
        {t('session.again.title')}
      </h2>
      <p id={textId}>{t('session.again.text')}</p>
      <form noValidate onSubmit={submit}>
        <ErrorAlert error={form.error} otherDetails={form.otherDetails} />
        <TextField label={t('auth.email')} type="email" autoComplete="username" value={user.email} readOnly />
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
            {t('session.again.submit')}
          </Button>
        </div>
      </form>
      <div className="sign-in-again__discard">
        <ConfirmButton
          label={t('session.again.discard')}
          question={t('session.again.discardQuestion')}
          confirmLabel={t('session.again.discardConfirm')}
          cancelLabel={t('common.cancel')}
          onConfirm={() => {
            session.discardWork();
            return Promise.resolve();
          }}
        />
      </div>
    </dialog>
  );
}
