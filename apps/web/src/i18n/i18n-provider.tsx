import { LANGUAGES, type Language } from '@kapitel/domain';
import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_LANGUAGE, INTL_LOCALES } from './dictionaries';
import { createTranslator, type Translate } from './translate';

const STORAGE_KEY = 'kapitel.language';

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  /** A calendar date, e.g. "29.11.2025" / "29 Nov 2025". */
  formatDate: (iso: string) => string;
  /**
   * A calendar date written `YYYY-MM-DD` (such as a due date), shown as that very day in
   * every time zone: read as midnight local time it could slip to the day before.
   */
  formatDay: (day: string) => string;
  /** A date with time of day. */
  formatDateTime: (iso: string) => string;
  formatNumber: (value: number) => string;
  /** A file size, e.g. "1,2 MB" / "1.2 MB" (decimal units, as file managers show them). */
  formatBytes: (bytes: number) => string;
}

export const I18nContext = createContext<I18n | null>(null);

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

// localStorage throws in some privacy modes and sandboxed frames; the choice is then kept
// for this page only, which is an acceptable degradation.
function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // See readStoredLanguage.
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(readStoredLanguage);

  const setLanguage = useCallback((next: Language) => {
    storeLanguage(next);
    setLanguageState(next);
  }, []);

  // Screen readers pick their pronunciation from <html lang>; keep it in step with the UI.
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo<I18n>(() => {
    const locale = INTL_LOCALES[language];
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const numbers = new Intl.NumberFormat(locale);
    const unit = (name: 'byte' | 'kilobyte' | 'megabyte'): Intl.NumberFormat =>
      new Intl.NumberFormat(locale, { style: 'unit', unit: name, maximumFractionDigits: 1 });
    const [byte, kilobyte, megabyte] = [unit('byte'), unit('kilobyte'), unit('megabyte')];
    const safe = (format: Intl.DateTimeFormat, iso: string): string => {
      const parsed = new Date(iso);
      return Number.isNaN(parsed.getTime()) ? iso : format.format(parsed);
    };
    return {
      language,
      setLanguage,
      t: createTranslator(language),
      formatDate: (iso) => safe(date, iso),
      formatDay: (value) => safe(day, `${value}T00:00:00Z`),
      formatDateTime: (iso) => safe(dateTime, iso),
      formatNumber: (value) => numbers.format(value),
      formatBytes: (bytes) =>
        bytes < 1000
          ? byte.format(bytes)
          : bytes < 1_000_000
            ? kilobyte.format(bytes / 1000)
            : megabyte.format(bytes / 1_000_000),
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
