import { labelAmong, labelSources, sortSources, sourceEntry, sourceNames, type SourceFields } from './source-labels.js';

let next = 0;
function source(fields: Partial<SourceFields>): SourceFields {
  next += 1;
  return { id: `id-${String(next).padStart(3, '0')}`, authors: '', title: 'Titel', year: '2023', ...fields };
}

const labels = (sources: SourceFields[], language: 'de' | 'en' = 'de') =>
  labelSources(sources, language).map((entry) => entry.label);

describe('source labels', () => {
  it('names one author by surname and year', () => {
    expect(labels([source({ authors: 'Müller, Anna', year: '2021' })])).toEqual(['Müller 2021']);
  });

  it('names an organisation as written', () => {
    expect(labels([source({ authors: 'KGSt', year: '2020' })])).toEqual(['KGSt 2020']);
  });

  it('joins two authors and shortens three or more, in the report language', () => {
    const two = source({ authors: 'Müller, Anna; Schmidt, Jan' });
    const three = source({ authors: 'Abel, A.; Bauer, B.; Cramer, C.', year: '2019' });
    expect(labels([two, three])).toEqual(['Abel u.\u00A0a. 2019', 'Müller und Schmidt 2023']);
    expect(labels([two, three], 'en')).toEqual(['Abel et al. 2019', 'Müller and Schmidt 2023']);
  });

  it('says "o. J." or "n.d." for a source without a year', () => {
    expect(labels([source({ authors: 'Stadt Ulm', year: '' })])).toEqual(['Stadt Ulm o.\u00A0J.']);
    expect(labels([source({ authors: 'Stadt Ulm', year: ' ' })], 'en')).toEqual(['Stadt Ulm n.d.']);
  });

  it('stands a short title for a source without authors', () => {
    const law = source({ title: 'Onlinezugangsgesetz', year: '2017' });
    const long = source({ title: 'Digitale Souveränität in der öffentlichen Verwaltung: eine Bestandsaufnahme' });
    expect(labels([law, long])).toEqual(['Digitale Souveränität in der… 2023', 'Onlinezugangsgesetz 2017']);
  });

  it('tells sources apart that would read alike by letters after the year, in title order', () => {
    const b = source({ authors: 'KGSt', title: 'Zweiter Bericht' });
    const a = source({ authors: 'kgst', title: 'Erster Bericht' });
    const other = source({ authors: 'KGSt', year: '2024' });
    expect(labels([b, other, a])).toEqual(['kgst 2023a', 'KGSt 2023b', 'KGSt 2024']);
  });

  it('sorts by surnames with German collation, then year, ignoring case and umlauts', () => {
    const sorted = sortSources([
      source({ authors: 'Zeller, Z.' }),
      source({ authors: 'Öztürk, Ö.' }),
      source({ authors: 'Oberle, O.' }),
      source({ authors: 'ARD', year: '2010' }),
      source({ authors: 'ard', year: '2009' }),
    ]);
    expect(sorted.map((s) => `${s.authors} ${s.year}`)).toEqual([
      'ard 2009',
      'ARD 2010',
      'Oberle, O. 2023',
      'Öztürk, Ö. 2023',
      'Zeller, Z. 2023',
    ]);
  });

  it('labels a new or changed source among the others, the older state of a changed one replaced', () => {
    const first = source({ authors: 'KGSt', title: 'A' });
    const second = source({ authors: 'KGSt', title: 'B' });
    expect(labelAmong([first], second, 'de')?.label).toBe('KGSt 2023b');
    expect(labelAmong([first, second], { ...second, year: '2024' }, 'de')?.label).toBe('KGSt 2024');
  });

  it('keeps the same order for the same list, whatever order it comes in', () => {
    const list = [source({ authors: 'A' }), source({ authors: 'A' }), source({ authors: 'B' })];
    expect(sortSources([...list].reverse())).toEqual(sortSources(list));
  });

  it('splits names at semicolons and drops empty ones', () => {
    expect(sourceNames(' Müller, Anna ;; KGSt; ')).toEqual(['Müller, Anna', 'KGSt']);
  });
});

describe('bibliography entry', () => {
  const entry = (fields: Partial<SourceFields>, language: 'de' | 'en' = 'de') =>
    sourceEntry(labelSources([source(fields)], language)[0], language);

  it('leads with the authors and year, then the title, publication, address and day', () => {
    expect(
      entry({
        authors: 'Müller, Anna; KGSt',
        title: 'Open Source in Kommunen',
        year: '2023',
        publication: 'Köln: KGSt',
        url: 'https://example.org/os',
        accessed: '2024-03-12',
      }),
    ).toEqual([
      { kind: 'text', text: 'Müller, Anna; KGSt (2023): ' },
      { kind: 'title', text: 'Open Source in Kommunen' },
      { kind: 'text', text: '. ' },
      { kind: 'text', text: 'Köln: KGSt. ' },
      { kind: 'url', text: 'https://example.org/os' },
      { kind: 'text', text: ' (abgerufen am 12.03.2024).' },
    ]);
  });

  it('leads with the title when there are no authors, and ends with a full stop', () => {
    expect(entry({ title: 'Onlinezugangsgesetz', year: '2017' })).toEqual([
      { kind: 'title', text: 'Onlinezugangsgesetz' },
      { kind: 'text', text: ' (2017).' },
    ]);
  });

  it('adds no second full stop after a title that ends a sentence', () => {
    expect(entry({ authors: 'X', title: 'Warum Open Source?', year: '' }, 'en')).toEqual([
      { kind: 'text', text: 'X (n.d.): ' },
      { kind: 'title', text: 'Warum Open Source?' },
    ]);
  });

  it('writes the day in English as day, month name and year', () => {
    const pieces = entry({ authors: 'X', url: 'https://example.org', accessed: '2024-03-02' }, 'en');
    expect(pieces[pieces.length - 1]).toEqual({ kind: 'text', text: ' (accessed 2 March 2024).' });
  });
});
