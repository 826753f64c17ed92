import type { ReactNode } from 'react';
import { isLoadFailure } from '../lib/load-failure';
import { Alert, Button, ErrorBoundary } from '../ui';
import { useT } from './use-i18n';

/** What replaces a failed part of the page: why, in the user's language, and a way out. */
export function FailureNotice({ error }: { error: unknown }) {
  const t = useT();
  const load = isLoadFailure(error);
  return (
    <Alert tone="error" live="alert" title={t(load ? 'failure.load.title' : 'failure.page.title')}>
      <p>{t(load ? 'failure.load.text' : 'failure.page.text')}</p>
      <p>
        <Button variant="secondary" size="small" onClick={() => window.location.reload()}>
          {t('failure.reload')}
        </Button>
      </p>
    </Alert>
  );
}

/**
 * Shows FailureNotice in place of `children` when they fail, so that the rest of the page
 * (and, around a panel, the editor with its unsaved text) stays usable. `resetKey`: a new
 * value tries the children again.
 */
export function FailureBoundary({ children, resetKey }: { children: ReactNode; resetKey?: unknown }) {
  return (
    <ErrorBoundary resetKey={resetKey} fallback={(error) => <FailureNotice error={error} />}>
      {children}
    </ErrorBoundary>
  );
}
