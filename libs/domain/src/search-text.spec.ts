import { containsAllTerms, findMatches, findQueryMatches, foldForSearch, foldQuery, parseSearchQuery } from './search-text.js';

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

/** The terms of a query as [needle, phrase]. */
function termsOf(query: string): Array<[string, boolean]> {
  return parseSearchQuery(query).terms.map((term) => [term.needle, term.phrase]);
}

describe('parseSearchQuery()', () => {
  it('splits a query into words at any run of white space', () => {
    expect(termsOf('Reutlingen Ulm')).toEqual([
      ['reutlingen', false],
      ['ulm', false],
    ]);
    expect(termsOf('  Umfrage \t\n 2026\u00A0Digitalisierung  ')).toEqual([
      ['umfrage', false],
      ['2026', false],
      ['digitalisierung', false],
    ]);
  });

  it.each([
    ['German quotes', '„Umfrage 2026“ Ulm'],
    ['German quotes closed as in English', '„Umfrage 2026” Ulm'],
    ['straight quotes', '"Umfrage 2026" Ulm'],
    ['English quotes', '“Umfrage 2026” Ulm'],
    ['guillemets', '»Umfrage 2026« Ulm'],
    ['Swiss guillemets', '«Umfrage 2026» Ulm'],
  ])('keeps a phrase in %s as one term, its spaces folded', (_kind, query) => {
    expect(termsOf(query)).toEqual([
      ['umfrage 2026', true],
      ['ulm', false],
    ]);
  });

  it('takes a quote as the end of the word before it and the phrase out of the words around it', () => {
    expect(termsOf('Stadt"Mitte Nord"Süd')).toEqual([
      ['stadt', false],
      ['mitte nord', true],
      ['süd', false],
    ]);
    expect(termsOf('„  Umfrage   2026 “')).toEqual([['umfrage 2026', true]]);
  });

  it('takes an opening quote without its closing one as a space, and searches the words after it each', () => {
    expect(termsOf('„Umfrage 2026')).toEqual([
      ['umfrage', false],
      ['2026', false],
    ]);
    expect(termsOf('»Umfrage« »2026')).toEqual([
      ['umfrage', true],
      ['2026', false],
    ]);
    // A guillemet closes only with its partner, not with a straight quote.
    expect(termsOf('»Umfrage" 2026')).toEqual([
      ['umfrage', false],
      ['2026', false],
    ]);
  });

  it('leaves out one-character words, naming them, and empty quotes and invisible words silently', () => {
    expect(parseSearchQuery('Anlage 3 - Haushalt "" \u00AD')).toEqual({
      terms: [
        { text: 'Anlage', needle: 'anlage', phrase: false },
        { text: 'Haushalt', needle: 'haushalt', phrase: false },
      ],
      ignored: ['3', '-'],
      count: 6,
    });
    expect(parseSearchQuery('"a" b').ignored).toEqual(['a', 'b']);
    // ß is two letters once folded, as it is compared.
    expect(termsOf('ß')).toEqual([['ss', false]]);
  });

  it('searches a word given twice once, but counts it as typed', () => {
    const parsed = parseSearchQuery('Rad RAD rad');
    expect(parsed.terms.map((term) => term.needle)).toEqual(['rad']);
    expect(parsed.count).toBe(3);
  });
});

describe('containsAllTerms()', () => {
  const contains = (query: string, ...texts: string[]) => containsAllTerms(parseSearchQuery(query), ...texts.map((text) => foldForSearch(text)));

  it('needs every word, each anywhere, each as a substring with the umlaut rule', () => {
    expect(contains('Umfrage 2026', 'Die Umfrage Digitalisierung 2026.')).toBe(true);
    expect(contains('2026 umfrage', 'Die Umfrage Digitalisierung 2026.')).toBe(true);
    expect(contains('rad mueller', 'Fahrrad bei Frau Müller')).toBe(true);
    expect(contains('Umfrage 2027', 'Die Umfrage Digitalisierung 2026.')).toBe(false);
  });

  it('finds the words spread over title and text', () => {
    expect(contains('Reutlingen Ulm', 'Reutlingen', 'Der Weg nach Ulm.')).toBe(true);
    expect(contains('Reutlingen Ulm', 'Reutlingen', 'Der Weg nach Tübingen.')).toBe(false);
  });

  it('needs a phrase to stand as it is', () => {
    expect(contains('„Umfrage 2026“', 'Die Umfrage Digitalisierung 2026.')).toBe(false);
    expect(contains('„Umfrage Digitalisierung“ 2026', 'Die Umfrage\n\nDigitalisierung 2026.')).toBe(true);
  });

  it('finds each of two overlapping words, also where the longer one is the only match', () => {
    expect(contains('rad radverkehr', 'Radverkehr')).toBe(true);
  });

  it('finds nothing for a query without terms', () => {
    expect(contains('a', 'a')).toBe(false);
  });
});

describe('findQueryMatches()', () => {
  const matches = (text: string, query: string) =>
    findQueryMatches(foldForSearch(text), parseSearchQuery(query)).map(({ start, end }) => text.slice(start, end));

  it('finds every occurrence of any word, in text order', () => {
    expect(matches('Ulm, Reutlingen und wieder Ulm', 'reutlingen ulm')).toEqual(['Ulm', 'Reutlingen', 'Ulm']);
  });

  it('takes the longer of two words that match at one place, without a second match inside it', () => {
    expect(matches('Radverkehr und Fahrrad', 'rad radverkehr')).toEqual(['Radverkehr', 'rad']);
    expect(matches('Die Umfrage 2026 und die Umfrage', '„Umfrage 2026“ umfrage')).toEqual(['Umfrage 2026', 'Umfrage']);
  });

  it('matches a phrase only as a whole, across a block break', () => {
    expect(matches('Umfrage Digitalisierung 2026, Umfrage\n\n2026', '"umfrage 2026"')).toEqual(['Umfrage\n\n2026']);
  });

  it('marks the text’s own spelling of each word', () => {
    expect(matches('Herr Müller in Köln', 'Mueller koeln')).toEqual(['Müller', 'Köln']);
  });

  it('finds nothing for a query without terms', () => {
    expect(matches('a b', 'a b')).toEqual([]);
  });
});
