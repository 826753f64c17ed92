import { describe, expect, it } from '@jest/globals';
import { markMatches } from './marked-text';

describe('markMatches()', () => {
  it('marks every match as the text writes it, case and accents aside', () => {
    expect(markMatches('München und MÜNCHEN-Land', 'munchen')).toEqual([
      { text: 'München', marked: true },
      { text: ' und ', marked: false },
      { text: 'MÜNCHEN', marked: true },
      { text: '-Land', marked: false },
    ]);
  });

  it('marks an umlaut and its spelling with e alike, each as the text writes it', () => {
    expect(markMatches('Müller und Mueller', 'Mueller')).toEqual([
      { text: 'Müller', marked: true },
      { text: ' und ', marked: false },
      { text: 'Mueller', marked: true },
    ]);
    expect(markMatches('Neubau und neue', 'neue')).toEqual([
      { text: 'Neubau und ', marked: false },
      { text: 'neue', marked: true },
    ]);
  });

  it('marks every word of the query, and a quoted phrase only as a whole', () => {
    expect(markMatches('Umfrage Digitalisierung 2026', 'umfrage 2026')).toEqual([
      { text: 'Umfrage', marked: true },
      { text: ' Digitalisierung ', marked: false },
      { text: '2026', marked: true },
    ]);
    expect(markMatches('Umfrage 2026 und Umfrage Digitalisierung 2026', '„Umfrage 2026“')).toEqual([
      { text: 'Umfrage 2026', marked: true },
      { text: ' und Umfrage Digitalisierung 2026', marked: false },
    ]);
    // A word of one character is left out of the search, so it is not marked either.
    expect(markMatches('Anlage 3', 'anlage 3')).toEqual([
      { text: 'Anlage', marked: true },
      { text: ' 3', marked: false },
    ]);
  });

  it('gives the text unmarked when nothing matches', () => {
    expect(markMatches('Haushalt', 'wasser')).toEqual([{ text: 'Haushalt', marked: false }]);
    expect(markMatches('', 'wasser')).toEqual([]);
  });

  it('marks a ß that two matches share only once', () => {
    expect(markMatches('sßs', 'ss')).toEqual([
      { text: 'sß', marked: true },
      { text: 's', marked: true },
    ]);
  });
});
