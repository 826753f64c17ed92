import { describe, expect, it } from '@jest/globals';
import { lineTextProblem } from '@kapitel/domain';
import { issueText } from './error-text';
import { createTranslator } from './translate';

describe('issueText() for a field the server refused', () => {
  const de = createTranslator('de');
  const server = (value: string) => ({ kind: 'server' as const, message: lineTextProblem('title', value) ?? '' });

  it('says in the reader’s language which rule of names and titles the text broke', () => {
    expect(issueText(de, server('a\tb'))).toBe('Bitte nur eine Zeile Text, ohne Tabulatoren, Zeilenumbrüche oder Steuerzeichen.');
    expect(issueText(de, server('abc\u202Edcba'))).toBe('Bitte ohne Steuerzeichen für die Schreibrichtung (U+202A–U+202E, U+2066–U+2069).');
    expect(issueText(de, server('\u200B'))).toBe('Diese Angabe enthält nur unsichtbare Zeichen. Bitte geben Sie lesbaren Text ein.');
    expect(issueText(createTranslator('en'), server('\u200B'))).toBe('This holds only invisible characters. Please enter readable text.');
  });

  it('falls back to a general message for anything else', () => {
    expect(issueText(de, { kind: 'server', message: 'title is odd' })).toBe('Diese Angabe wurde nicht angenommen. Bitte prüfen Sie sie.');
  });
});
