import { findMatches, foldForSearch, foldQuery } from './search-text.js';

/** The original text of every match of `query` in `text`. */
function matchesOf(text: string, query: string): string[] {
  return findMatches(foldForSearch(text), foldQuery(query)).map(({ start, end }) => text.slice(start, end));
}

describe('foldForSearch()', () => {
  it('lower-cases, drops diacritics but keeps ä, ö and ü, and writes ß as ss', () => {
    expect(foldForSearch('Übergänge in MÜNCHEN, Café, Straße, STRAẞE, Noël, Ångström').text).toBe(
      'übergänge in münchen, cafe, strasse, strasse, noel, angström',
    );
  });

  it('makes every run of white space one space and leaves soft hyphens and zero-width characters out', () => {
    expect(foldForSearch('Gemein\u00ADde\u200B  und\n\n\tKreis\u00A0Nord\uFEFF').text).toBe('gemeinde und kreis nord');
  });

  it('treats a decomposed umlaut like a composed one', () => {
    expect(foldForSearch('Mu\u0308nchen').text).toBe(foldForSearch('München').text);
    expect(foldForSearch('A\u0308rzte und O\u0308l').text).toBe('ärzte und öl');
    expect(foldForSearch('Mu\u0308nchen').starts).toEqual([0, 1, 3, 4, 5, 6, 7]);
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
    expect(foldQuery('  Größe der  Gemeinde ')).toBe('grösse der gemeinde');
  });

  it('is empty when only invisible characters are left', () => {
    expect(foldQuery('\u00AD\u00AD')).toBe('');
  });
});

describe('findMatches()', () => {
  it('finds a query regardless of case and accents, as the text writes it', () => {
    expect(matchesOf('Das Übergangsjahr. Ein übergang, ein UBERGANG.', 'ÜBERGANG')).toEqual(['Übergang', 'übergang', 'UBERGANG']);
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

  it('finds the umlaut written as ae, oe, ue and the other way round, as the text writes it', () => {
    expect(matchesOf('Herr Müller und Frau Mueller', 'Mueller')).toEqual(['Müller', 'Mueller']);
    expect(matchesOf('Herr Müller und Frau Mueller', 'Müller')).toEqual(['Müller', 'Mueller']);
    expect(matchesOf('In Köln und in KOELN', 'Koeln')).toEqual(['Köln', 'KOELN']);
    expect(matchesOf('Die Ärzte, die AERZTE', 'aerzte')).toEqual(['Ärzte', 'AERZTE']);
    expect(matchesOf('Die Ärzte, die Aerzte', 'ÄRZTE')).toEqual(['Ärzte', 'Aerzte']);
    expect(matchesOf('Grüße aus Düsseldorf, Gruesse aus Duesseldorf', 'grüsse')).toEqual(['Grüße', 'Gruesse']);
    expect(matchesOf('Die O\u0308ffnungszeiten', 'oeffnungszeiten')).toEqual(['O\u0308ffnungszeiten']);
  });

  it('still finds an umlaut written without its dots', () => {
    expect(matchesOf('Herr Müller, Herr Muller', 'Muller')).toEqual(['Müller', 'Muller']);
    expect(matchesOf('In München', 'munchen')).toEqual(['München']);
    expect(matchesOf('Herr Muller', 'Müller')).toEqual(['Muller']);
  });

  it('marks exactly the characters that stand for the query', () => {
    expect(matchesOf('Mueller', 'Mü')).toEqual(['Mue']);
    expect(matchesOf('Müller', 'Mue')).toEqual(['Mü']);
    expect(matchesOf('Mueller', 'Mu')).toEqual(['Mu']);
    expect(matchesOf('Die Übergabe', 'ueberg')).toEqual(['Überg']);
  });

  it('does not make a plain u of the ue in ordinary words, nor a ue of a plain u', () => {
    // ue, ae, oe typed in the query match only ue, ae, oe or the umlaut in the text.
    expect(matchesOf('Neubau, neu und erneut; die neue Halle', 'neue')).toEqual(['neue']);
    expect(matchesOf('Das Baurecht des Bauern', 'Bauer')).toEqual(['Bauer']);
    expect(matchesOf('Die Fraunhofer-Studie über Frauen', 'Frauen')).toEqual(['Frauen']);
    expect(matchesOf('Feuerwehr, Steuer, Stuerzel', 'feuer')).toEqual(['Feuer']);
    expect(matchesOf('Die Steuer, der Stuhl', 'Steuer')).toEqual(['Steuer']);
    expect(matchesOf('Israel und Michael', 'Michael')).toEqual(['Michael']);
    // A plain letter does not stand for the letter with an e: "Muller" is no spelling of "Mueller".
    expect(matchesOf('Frau Mueller', 'Muller')).toEqual([]);
    expect(matchesOf('Frau Muller', 'Mueller')).toEqual([]);
  });

  it('lets an umlaut in the query find ae, oe, ue wherever they stand, the price of finding "Mueller"', () => {
    // Rare in practice: the letters around must match too.
    expect(matchesOf('Die Boeing landet', 'Bö')).toEqual(['Boe']);
    expect(matchesOf('Der Poet', 'pöt')).toEqual(['Poet']);
  });

  it('takes % and _ literally', () => {
    expect(matchesOf('50% der Fläche, 5 Prozent, a_b und ab', '50%')).toEqual(['50%']);
    expect(matchesOf('50% der Fläche, a_b und axb', 'a_b')).toEqual(['a_b']);
    expect(matchesOf('(a+b)*[c] und a.b? ^$ \\ | / -', '(a+b)*[c]')).toEqual(['(a+b)*[c]']);
    expect(matchesOf('a.b und axb', 'a.b')).toEqual(['a.b']);
    expect(matchesOf('x \\ | / - y', '\\ | / -')).toEqual(['\\ | / -']);
  });

  it('counts matches that do not overlap, in text order', () => {
    expect(matchesOf('aaaa', 'aa')).toEqual(['aa', 'aa']);
    expect(matchesOf('ueueue', 'ü')).toEqual(['ue', 'ue', 'ue']);
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
