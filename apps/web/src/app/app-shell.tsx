import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useSession } from '../features/auth';
import { ErrorAlert, useT } from '../i18n';
import { AppHeader } from './app-header';
import './app-shell.css';

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

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const target = main.current?.querySelector<HTMLElement>('h1') ?? main.current;
    if (target) {
      if (!target.hasAttribute('tabindex')) {
        target.setAttribute('tabindex', '-1');
      }
      target.focus();
    }
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
          <Outlet />
        )}
      </main>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
