import type { Language } from '@kapitel/domain';
import { de, type Messages } from './de';
import { en } from './en';

export const DICTIONARIES: Record<Language, Messages> = { de, en };

/** The language the app starts in when the user has not chosen one. */
export const DEFAULT_LANGUAGE: Language = 'de';

/** Locales for Intl formatting: British English writes dates day-first, as readers in Europe expect. */
export const INTL_LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };
