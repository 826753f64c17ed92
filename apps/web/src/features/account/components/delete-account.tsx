import type { AccountDeletionPreview, AccountProjectRef } from '@kapitel/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert, issueText, useT } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { useForm } from '../../../lib/use-form';
import { rules } from '../../../lib/validation';
import { Alert, Button, Loading, TextField } from '../../../ui';
import { accountDeletionPreview, deleteAccount } from '../api/account-api';
import './delete-account.css';
import { CurrentPasswordField } from './current-password-field';

function ProjectLinks({ projects }: { projects: readonly AccountProjectRef[] }) {
  return (
    <ul className="account-delete__projects">
      {projects.map((project) => (
        <li key={project.id}>
          <Link to={`/projects/${project.id}`}>{project.title}</Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * "Konto löschen": what goes and what stays, which projects go with the account or are left,
 * and the deletion itself, confirmed with the password and a typed word. While the person is
 * the only lead of a project with others, it names those projects instead of the form.
 */
export function DeleteAccount() {
  const t = useT();
  const navigate = useNavigate();
  const [preview, setPreview] = useState<AccountDeletionPreview | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [wrongWord, setWrongWord] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm(
    { currentPassword: '', confirmation: '' },
    { currentPassword: [rules.required()], confirmation: [rules.required()] },
    { WRONG_PASSWORD: 'currentPassword' },
  );

  const load = useCallback((signal?: AbortSignal) => {
    setLoadError(null);
    accountDeletionPreview({ signal }).then(setPreview, (caught: unknown) => {
      if (!signal?.aborted) {
        setLoadError(caught);
      }
    });
  }, []);
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => {
      controller.abort();
    };
  }, [load]);
  useEffect(() => {
    const field = wrongWord ? formRef.current?.elements.namedItem('confirmation') : null;
    if (field instanceof HTMLInputElement) {
      field.focus();
    }
  }, [wrongWord]);

  const submit = form.onSubmit(async (values) => {
    setWrongWord(false);
    if (values.confirmation.trim().toLocaleUpperCase() !== t('account.delete.word').toLocaleUpperCase()) {
      setWrongWord(true);
      return;
    }
    try {
      await deleteAccount({ currentPassword: values.currentPassword });
    } catch (caught) {
      if (isApiError(caught) && caught.code === 'ACCOUNT_SOLE_LEAD') {
        load(); // someone left or was demoted meanwhile: the page names the projects now
      }
      throw caught;
    }
    // The goodbye page forgets the user once it is shown: forgotten here, the sign-in page would
    // win (the router's move is a transition, the session's change is not).
    void navigate('/account-deleted', { replace: true, state: { accountDeleted: true } });
  });

  if (preview === null) {
    return loadError === null ? <Loading label={t('app.loading')} /> : <ErrorAlert error={loadError} onRetry={() => load()} />;
  }
  return (
    <>
      <ul className="account-delete__facts">
        <li>{t('account.delete.goes')}</li>
        <li>{t('account.delete.stays')}</li>
        <li>{t('account.delete.final')}</li>
      </ul>
      {preview.left.length > 0 ? (
        <>
          <p>{t('account.delete.left')}</p>
          <ProjectLinks projects={preview.left} />
        </>
      ) : null}
      {preview.deletedWithAccount.length > 0 ? (
        <>
          <p>{t('account.delete.deletedWith')}</p>
          <ProjectLinks projects={preview.deletedWithAccount} />
        </>
      ) : null}
      {preview.blocking.length > 0 ? (
        <Alert tone="error" title={t('account.delete.blocked.title')}>
          <p>{t('account.delete.blocked.text')}</p>
          <ProjectLinks projects={preview.blocking} />
        </Alert>
      ) : (
        <form ref={formRef} className="form-narrow" noValidate onSubmit={submit}>
          <ErrorAlert error={form.summaryError} otherDetails={form.otherDetails} />
          <CurrentPasswordField form={form} />
          <TextField
            {...form.field('confirmation')}
            label={t('account.delete.confirmation', { word: t('account.delete.word') })}
            autoComplete="off"
            spellCheck={false}
            required
            error={wrongWord ? t('account.delete.wrongWord', { word: t('account.delete.word') }) : issueText(t, form.issues.confirmation)}
          />
          <div className="form-actions">
            <Button type="submit" variant="danger" busy={form.submitting}>
              {t('account.delete.submit')}
            </Button>
          </div>
        </form>
      )}
    </>
  );
}
