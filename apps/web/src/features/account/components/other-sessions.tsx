import { useState } from 'react';
import { ErrorAlert, useT } from '../../../i18n';
import { Alert, Button } from '../../../ui';
import { endOtherSessions } from '../api/account-api';

/** "Sign out on all other devices": ends every session of the user but this one, without listing them. */
export function OtherSessions() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [ended, setEnded] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  const endOthers = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    setEnded(null);
    try {
      setEnded((await endOtherSessions()).endedSessions);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ErrorAlert error={error} />
      <div role="status">
        {ended === null ? null : (
          <Alert tone="success">
            {ended === 0
              ? t('account.sessions.none')
              : t(ended === 1 ? 'account.sessions.ended.one' : 'account.sessions.ended.other', {
                  count: ended,
                })}
          </Alert>
        )}
      </div>
      <div className="form-actions">
        <Button variant="secondary" busy={busy} onClick={() => void endOthers()}>
          {t('account.sessions.submit')}
        </Button>
      </div>
    </>
  );
}
