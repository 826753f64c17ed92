import type { Language } from '@kapitel/domain';
import { DICTIONARIES, INTL_LOCALES, type MessageKey } from './dictionaries';

export type MessageParams = Record<string, string | number>;

/** Looks up `key` in the dictionary of `language` and fills `{placeholders}` from `params`. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * A translator for one language. Numbers in `params` are formatted for that language
 * (`1.234` in German, `1,234` in English); unknown placeholders are left visible so that
 * a mistake shows up in review instead of silently vanishing.
 */
export function createTranslator(language: Language): Translate {
  const messages = DICTIONARIES[language];
  const numbers = new Intl.NumberFormat(INTL_LOCALES[language]);
  return (key, params) => {
    const template = messages[key];
    if (params === undefined) {
      return template;
    }
    return template.replace(/\{(\w+)\}/g, (placeholder: string, name: string) => {
      const value = params[name];
      if (value === undefined) {
        return placeholder;
      }
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
}
