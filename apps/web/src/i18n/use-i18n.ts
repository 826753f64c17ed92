import { useContext, useEffect } from 'react';
import { I18nContext, type I18n } from './i18n-provider';
import type { Translate } from './translate';

/** The whole i18n context: language, switcher and Intl formatters. */
export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (context === null) {
    throw new Error('useI18n() must be used inside <I18nProvider>');
  }
  return context;
}

/** The translate function of the current language. */
export function useT(): Translate {
  return useI18n().t;
}

/**
 * Sets the document title to "<page> – Kapitel" (WCAG 2.4.2). `page` is already translated
 * (or user content such as a project title); null leaves just the app name.
 */
export function useDocumentTitle(page: string | null): void {
  const t = useT();
  useEffect(() => {
    document.title = page === null ? t('app.name') : t('app.pageTitle', { page });
  }, [page, t]);
}
