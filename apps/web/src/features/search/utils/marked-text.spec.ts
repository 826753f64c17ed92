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
