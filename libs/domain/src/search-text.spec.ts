import { findMatches, foldForSearch, foldQuery } from './search-text.js';

/** The original text of every match of `query` in `text`. */
function matchesOf(text: string, query: string): string[] {
  return findMatches(foldForSearch(text), foldQuery(query)).map(({ start, end }) => text.slice(start, end));
}

describe('foldForSearch()', () => {
  it('lower-cases, drops diacritics and writes ß as ss', () => {
    expect(foldForSearch('Übergänge in MÜNCHEN, Café, Straße, STRAẞE').text).toBe(
      'ubergange in munchen, cafe, strasse, strasse',
    );
  });

  it('makes every run of white space one space and leaves soft hyphens and zero-width characters out', () => {
    expect(foldForSearch('Gemein\u00ADde\u200B  und\n\n\tKreis\u00A0Nord\uFEFF').text).toBe('gemeinde und kreis nord');
  });

  it('treats a decomposed umlaut like a composed one', () => {
    expect(foldForSearch('Mu\u0308nchen').text).toBe(foldForSearch('München').text);
  });

  it('folds the final sigma like the other one', () => {
    expect(foldForSearch('ΟΔΟΣ').text).toBe(foldForSearch('οδος').text);
  });

  it('keeps where each folded unit came from', () => {
    expect(foldForSearch('aßb').starts).toEqual([0, 1, 1, 2]);
    expect(foldForSearch('a😀b')).toEqual({ text: 'a😀b', starts: [0, 1, 1, 3], length: 4 });
  });
});

describe('foldQuery()', () => {
  it('is the folded query without white space at its ends', () => {
    expect(foldQuery('  Größe der  Gemeinde ')).toBe('grosse der gemeinde');
  });

  it('is empty when only invisible characters are left', () => {
    expect(foldQuery('\u00AD\u00AD')).toBe('');
  });
});

describe('findMatches()', () => {
  it('finds a query regardless of case and accents, as the text writes it', () => {
    expect(matchesOf('Das Übergangsjahr. Ein übergang, ein UEBERGANG.', 'ÜBERGANG')).toEqual(['Übergang', 'übergang']);
    expect(matchesOf('In München und Köln', 'munchen')).toEqual(['München']);
    expect(matchesOf('Le café', 'CAFÉ')).toEqual(['café']);
  });

  it('matches ß and ss both ways, taking a whole ß when a match ends inside it', () => {
    expect(matchesOf('Die Straße, die Strasse', 'strasse')).toEqual(['Straße', 'Strasse']);
    expect(matchesOf('Die Straße', 'Straß')).toEqual(['Straß']);
    expect(matchesOf('Die Straße', 'stras')).toEqual(['Straß']);
  });

  it('takes accents, soft hyphens and white space along', () => {
    expect(matchesOf('Mu\u0308nchen liegt', 'münchen')).toEqual(['Mu\u0308nchen']);
    expect(matchesOf('die Gemein\u00ADde', 'gemeinde')).toEqual(['Gemein\u00ADde']);
    expect(matchesOf('Kreis\n\nNord', 'kreis nord')).toEqual(['Kreis\n\nNord']);
  });

  it('takes % and _ literally', () => {
    expect(matchesOf('50% der Fläche, 5 Prozent, a_b und ab', '50%')).toEqual(['50%']);
    expect(matchesOf('50% der Fläche, a_b und axb', 'a_b')).toEqual(['a_b']);
  });

  it('counts matches that do not overlap, in text order', () => {
    expect(matchesOf('aaaa', 'aa')).toEqual(['aa', 'aa']);
    expect(findMatches(foldForSearch('ab ab ab'), 'ab')).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 5 },
      { start: 6, end: 8 },
    ]);
  });

  it('finds nothing for an empty query', () => {
    expect(findMatches(foldForSearch('Text'), '')).toEqual([]);
  });
});
