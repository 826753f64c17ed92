import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useSession } from '../features/auth';
import { ErrorAlert, FailureBoundary, useT } from '../i18n';
import { AppHeader } from './app-header';
import { useScrollRestoration } from './scroll-restoration';
import './app-shell.css';

/** How long focus waits on <main> for a loading page's heading. */
const HEADING_WAIT_MS = 10_000;

function focusOn(target: HTMLElement, preventScroll: boolean): void {
  if (!target.hasAttribute('tabindex')) {
    target.setAttribute('tabindex', '-1');
  }
  target.focus({ preventScroll });
}

/**
 * Skip link, header, main and footer around every page. After a client-side navigation
 * focus moves to the new page's heading, as a full page load would reset it (WCAG 2.4.3).
 */
export function AppShell() {
  const t = useT();
  const session = useSession();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // Back to an earlier place of a page: the focus must not scroll to its heading meanwhile.
  const restoring = useScrollRestoration();

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const root = main.current;
    if (!root) {
      return;
    }
    const heading = (): HTMLElement | null => root.querySelector<HTMLElement>('h1');
    focusOn(heading() ?? root, restoring.current);
    if (heading()) {
      return;
    }
    // Most pages load their data first and show their heading after it: focus waits on
    // <main> for it, unless the user has moved on meanwhile.
    const observer = new MutationObserver(() => {
      const arrived = heading();
      if (document.activeElement !== root) {
        observer.disconnect();
      } else if (arrived) {
        observer.disconnect();
        focusOn(arrived, restoring.current);
      }
    });
    observer.observe(root, { childList: true, subtree: true });
    const timeout = setTimeout(() => observer.disconnect(), HEADING_WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timeout);
    };
  }, [location.pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader />
      <main id="main" ref={main} className="app-main" tabIndex={-1}>
        {session.status === 'error' ? (
          <ErrorAlert error={session.error} onRetry={session.retry} />
        ) : (
          <FailureBoundary resetKey={location.pathname}>
            <Outlet />
          </FailureBoundary>
        )}
      </main>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
