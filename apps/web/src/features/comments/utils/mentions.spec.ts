import { describe, expect, it } from '@jest/globals';
import { insertMention, mentionQueryAt, mentionSegments, mentionSuggestions } from './mentions';

describe('mentionSegments()', () => {
  it('marks the mentioned names and keeps the rest as it is', () => {
    expect(mentionSegments('Bitte @Ali Autor prüfen, danke @rita', ['Ali Autor', 'Rita'])).toEqual([
      { text: 'Bitte ', mention: false },
      { text: '@Ali Autor', mention: true },
      { text: ' prüfen, danke ', mention: false },
      { text: '@rita', mention: true },
    ]);
  });

  it('prefers the longest name and respects word boundaries', () => {
    expect(mentionSegments('@Anna Schmidt und @Annalena', ['Anna', 'Anna Schmidt'])).toEqual([
      { text: '@Anna Schmidt', mention: true },
      { text: ' und @Annalena', mention: false },
    ]);
  });

  it('does not take an e-mail address for a mention', () => {
    expect(mentionSegments('anna@example.org', ['example'])).toEqual([
      { text: 'anna@example.org', mention: false },
    ]);
  });

  it('gives back hostile text unchanged, as text', () => {
    const body = '<img src=x onerror=alert(1)> javascript:alert(1) @Rita';
    const segments = mentionSegments(body, ['Rita']);
    expect(segments.map((segment) => segment.text).join('')).toBe(body);
    expect(segments.at(-1)).toEqual({ text: '@Rita', mention: true });
  });

  it('keeps an empty body as one empty segment', () => {
    expect(mentionSegments('', ['Rita'])).toEqual([{ text: '', mention: false }]);
  });
});

describe('mentionQueryAt()', () => {
  it('finds the name being typed after an @', () => {
    expect(mentionQueryAt('Hallo @Al', 9)).toEqual({ start: 6, query: 'Al' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('Hallo @Ali Au', 13)).toEqual({ start: 6, query: 'Ali Au' });
  });

  it('ignores e-mail addresses, other lines and a space right after the @', () => {
    expect(mentionQueryAt('anna@exa', 8)).toBeNull();
    expect(mentionQueryAt('@Ali\nweiter', 11)).toBeNull();
    expect(mentionQueryAt('@ Ali', 5)).toBeNull();
    expect(mentionQueryAt('kein at', 7)).toBeNull();
  });
});

describe('mentionSuggestions()', () => {
  const members = [
    { userId: '1', name: 'Rita Prüfer' },
    { userId: '2', name: 'Ali Autor' },
    { userId: '3', name: 'Alina Berg' },
    { userId: '4', name: 'Lea Leitung' },
  ];

  it('offers names that start with the query first, then names with a word that does', () => {
    expect(mentionSuggestions('al', members).map((member) => member.userId)).toEqual(['2', '3']);
    expect(mentionSuggestions('le', members).map((member) => member.userId)).toEqual(['4']);
    expect(mentionSuggestions('prü', members).map((member) => member.userId)).toEqual(['1']);
  });

  it('offers everyone for a bare @, up to the limit', () => {
    expect(mentionSuggestions('', members, 3)).toHaveLength(3);
  });
});

describe('insertMention()', () => {
  it('replaces the typed query by the full name and a space', () => {
    const text = 'Bitte @al prüfen';
    expect(insertMention(text, { start: 6, query: 'al' }, 9, 'Ali Autor')).toEqual({
      text: 'Bitte @Ali Autor prüfen',
      caret: 17,
    });
  });
});
