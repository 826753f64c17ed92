import type { Language } from '@kapitel/domain';
import { DICTIONARIES, INTL_LOCALES, type MessageKey } from './dictionaries';

export type MessageParams = Record<string, string | number>;

/** The quotation marks a quotation inside a quotation takes. */
const NESTED_QUOTES: Record<Language, readonly [string, string]> = { de: ['‚', '‘'], en: ['‘', '’'] };

/**
 * `value` as it stands inside quotation marks: its own double quotes, typographic („…“, “…”)
 * or straight ("…"), become the nested ones, so that „Vor der Wiederherstellung von ‚Entwurf‘“
 * does not read as two quotations.
 */
export function nestQuotes(value: string, language: Language): string {
  const [open, close] = NESTED_QUOTES[language];
  return value.replace(/[„“]([^„“”"]*)[“”]/g, `${open}$1${close}`).replace(/"([^"]*)"/g, `${open}$1${close}`);
}

/** The quotation marks of a quotation in `language`. */
const QUOTES: Record<Language, readonly [string, string]> = { de: ['„', '“'], en: ['“', '”'] };

/** `text` as a quotation in `language` („…“ / “…”), its own quotation marks nested. */
export function quoted(text: string, language: Language): string {
  const [open, close] = QUOTES[language];
  return `${open}${nestQuotes(text, language)}${close}`;
}

/** Looks up `key` in the dictionary of `language` and fills `{placeholders}` from `params`. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * A translator for one language. Numbers in `params` are formatted for that language
 * (`1.234` in German, `1,234` in English); a text put inside quotation marks of the message
 * („{name}“) gets nested quotes for its own (nestQuotes); unknown placeholders are left
 * visible so that a mistake shows up in review instead of silently vanishing.
 */
export function createTranslator(language: Language): Translate {
  const messages = DICTIONARIES[language];
  const numbers = new Intl.NumberFormat(INTL_LOCALES[language]);
  return (key, params) => {
    const template = messages[key];
    if (params === undefined) {
      return template;
    }
    return template.replace(/\{(\w+)\}/g, (placeholder: string, name: string, offset: number) => {
      const value = params[name];
      if (value === undefined) {
        return placeholder;
      }
      if (typeof value === 'number') {
        return numbers.format(value);
      }
      return '„“"'.includes(template.charAt(offset - 1)) ? nestQuotes(value, language) : value;
    });
  };
}
