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
          {t(`language.${option}`)}
        </button>
      ))}
    </div>
  );
}
