import { describe, expect, it } from '@jest/globals';
import { ERROR_CODES, LANGUAGES } from '@kapitel/domain';
import { de } from './de';
import { deCommentsExport } from './de-comments-export';
import { deInvitations } from './de-invitations';
import { deSettings } from './de-settings';
import { deVersions } from './de-versions';
import { DICTIONARIES } from './dictionaries';
import { en } from './en';
import { createTranslator, quoted } from './translate';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();

describe('dictionaries', () => {
  it('has a dictionary for every language the domain knows', () => {
    expect(Object.keys(DICTIONARIES).sort()).toEqual([...LANGUAGES].sort());
  });

  it('gives English exactly the German keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
  });

  it('defines every key once: the feature dictionaries spread into de.ts share none (de.ts checks its own keys against them when it compiles)', () => {
    const spread = [deCommentsExport, deInvitations, deSettings, deVersions].flatMap((messages) => Object.keys(messages));
    expect(spread.filter((key, index) => spread.indexOf(key) !== index)).toEqual([]);
  });

  it.each(Object.entries(DICTIONARIES))('has no empty or blank message in %s', (_language, messages) => {
    const blank = Object.entries(messages).filter(([, text]) => text.trim() === '');
    expect(blank).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = Object.keys(de).filter((key) => {
      const k = key as keyof typeof de;
      return placeholders(de[k]).join() !== placeholders(en[k]).join();
    });
    expect(mismatched).toEqual([]);
  });

  it('translates every API error code', () => {
    for (const messages of Object.values(DICTIONARIES)) {
      const missing = ERROR_CODES.filter((code) => !(`error.${code}` in messages));
      expect(missing).toEqual([]);
    }
  });
});

describe('createTranslator()', () => {
  it('fills placeholders and formats numbers for the language', () => {
    expect(createTranslator('de')('validation.minLength', { min: 1200 })).toBe(
      'Bitte geben Sie mindestens 1.200 Zeichen ein.',
    );
    expect(createTranslator('en')('validation.minLength', { min: 1200 })).toBe(
      'Please enter at least 1,200 characters.',
    );
  });

  it('gives a quotation inside the message\'s quotation marks the nested ones', () => {
    expect(createTranslator('de')('versions.compare.sinceCurrent', { name: 'Vor der Wiederherstellung von „Entwurf“' })).toBe(
      'Änderungen seit „Vor der Wiederherstellung von ‚Entwurf‘“ bis zum aktuellen Text',
    );
    expect(createTranslator('en')('search.none', { query: '"digital sovereignty"' })).toBe(
      'No matches for “‘digital sovereignty’”.',
    );
    expect(createTranslator('de')('versions.open.named', { name: '„Entwurf“' })).toBe('Ansehen: „Entwurf“');
  });

  it('leaves an unknown placeholder visible instead of dropping it', () => {
    expect(createTranslator('en')('invite.created', { email: 'a@b.de' })).toBe(
      'Invitation for a@b.de created. The link is valid until {date}.',
    );
  });
});

describe('quoted()', () => {
  it('quotes in the language’s marks and nests the quotation’s own', () => {
    expect(quoted('Prinzip „Einer für Alle“ (EfA)', 'de')).toBe('„Prinzip ‚Einer für Alle‘ (EfA)“');
    expect(quoted('the "once only" principle', 'en')).toBe('“the ‘once only’ principle”');
    expect(quoted('ohne Anführungszeichen', 'de')).toBe('„ohne Anführungszeichen“');
  });
});
