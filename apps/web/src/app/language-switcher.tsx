import { LANGUAGES } from '@kapitel/domain';
import { useI18n } from '../i18n';

/**
 * Two toggle buttons, each language named in itself and marked with its `lang` so that a
 * screen reader pronounces "English" in English even on the German interface.
 */
export function LanguageSwitcher() {
  const { t, language, setLanguage } = useI18n();
  return (
    <div className="language-switcher" role="group" aria-label={t('header.language')}>
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="language-switcher__option"
          aria-pressed={language === option}
          onClick={() => {
            setLanguage(option);
          }}
        >
          {/*
           * On a phone only the code shows, and the name is kept for screen readers ("Deutsch
           * DE"): what is seen must be part of the accessible name (WCAG 2.5.3).
           */}
          <span className="language-switcher__name">{t(`language.${option}`)}</span>
          <span className="language-switcher__code"> {option.toUpperCase()}</span>
        </button>
      ))}
    </div>
  );
}
