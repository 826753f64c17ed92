import type { Language } from '@kapitel/domain';
import { de } from './de';
import { deInvitations } from './de-invitations';
import { en } from './en';
import { enInvitations } from './en-invitations';

/**
 * Every message key of the app: those of de.ts and of the dictionaries merged below, which
 * live in their own files so that a feature can add messages without editing de.ts.
 */
export type MessageKey = keyof typeof de | keyof typeof deInvitations;

/** The shape every language's merged dictionary has: exactly the German keys, each a string. */
export type Messages = Record<MessageKey, string>;

export const DICTIONARIES: Record<Language, Messages> = {
  de: { ...de, ...deInvitations },
  en: { ...en, ...enInvitations },
};

/** The language the app starts in when the user has not chosen one. */
export const DEFAULT_LANGUAGE: Language = 'de';

/** Locales for Intl formatting: British English writes dates day-first, as readers in Europe expect. */
export const INTL_LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };
