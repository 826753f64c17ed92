import { detectSourceFormat, parseSources } from './source-import.js';
import { BIBTEX, RIS, entriesOf, risSource, fieldsOf, CONTROL } from './source-import.test-support.js';

describe('detectSourceFormat', () => {
  it('recognises RIS by a first line "TY  - ", also after a byte order mark, blank lines or with one space', () => {
    expect(detectSourceFormat('TY  - JOUR\nER  - ')).toBe('ris');
    expect(detectSourceFormat('\uFEFFTY  - BOOK\r\n')).toBe('ris');
    expect(detectSourceFormat('\n\r\n  \nTY  - BOOK')).toBe('ris');
    expect(detectSourceFormat('TY - ELEC')).toBe('ris');
  });

  it('recognises BibTeX by an entry start anywhere, with braces or parentheses', () => {
    expect(detectSourceFormat('% Zotero\n@article{key,')).toBe('bibtex');
    expect(detectSourceFormat('\uFEFF@Book (key, title = "x")')).toBe('bibtex');
    expect(detectSourceFormat(BIBTEX)).toBe('bibtex');
    expect(detectSourceFormat(RIS)).toBe('ris');
  });

  it('is null for plain text, JSON, an empty text and an e-mail address', () => {
    expect(detectSourceFormat('Müller, Anna: Digitale Souveränität. 2023.')).toBeNull();
    expect(detectSourceFormat('{"sources": [{"title": "Titel", "year": "2023"}]}')).toBeNull();
    expect(detectSourceFormat('')).toBeNull();
    expect(detectSourceFormat('anna@example.org')).toBeNull();
    expect(detectSourceFormat('AU  - Müller\nTY  - JOUR')).toBeNull();
  });

  it('makes parseSources answer null when the text is neither', () => {
    expect(parseSources('Literaturliste\n1. Müller 2023')).toBeNull();
  });
});

describe('parseSources: RIS', () => {
  const parsed = parseSources(RIS);
  const entries = parsed?.entries ?? [];

  it('reads every entry in order, also the last one without ER, and names them by title', () => {
    expect(parsed?.format).toBe('ris');
    expect(entries.map((entry) => [entry.position, entry.name])).toEqual([
      [1, 'Digitale Souveränität in Kommunen'],
      [2, 'Open Source in der Kommunalverwaltung'],
      [3, 'Leitfaden Open Source und Vergabe'],
      [4, ''],
      [5, 'Lagebericht zur IT-Sicherheit'],
    ]);
  });

  it('maps a journal article: every AU, the container with volume(issue) and pages, the first UR and the Y2 day with slashes', () => {
    expect(entries[0]?.source).toEqual({
      authors: 'Müller, Anna; Schmidt, Jan',
      title: 'Digitale Souveränität in Kommunen',
      year: '2023',
      publication: 'Verwaltung & Management, 12(3), 45–67',
      url: 'https://www.example.org/vm/2023/3/mueller',
      accessed: '2024-03-12',
    });
  });

  it('does not take a BT that repeats the title as the container, and adds PB and CY', () => {
    expect(entries[1]?.source).toEqual({
      authors: 'Kommunale Gemeinschaftsstelle für Verwaltungsmanagement',
      title: 'Open Source in der Kommunalverwaltung',
      year: '2021',
      publication: 'Köln: KGSt',
      url: '',
      accessed: '',
    });
  });

  it('reads A1, T1, DA and a Y2 day with hyphens, with a single space before the hyphen', () => {
    expect(entries[2]?.source).toEqual({
      authors: 'Open Source Business Alliance',
      title: 'Leitfaden Open Source und Vergabe',
      year: '2024',
      publication: '',
      url: 'https://osb-alliance.de/leitfaden',
      accessed: '2024-02-15',
    });
  });

  it("keeps an entry without a title, with title ''", () => {
    expect(entries[3]?.source).toEqual({
      authors: 'Niemand, Nora',
      title: '',
      year: '2019',
      publication: '',
      url: '',
      accessed: '',
    });
  });

  it('takes the editors (A2) without AU, skips a non-http UR for the DOI and joins wrapped lines', () => {
    expect(entries[4]?.source).toEqual({
      authors: 'Bundesamt für Sicherheit in der Informationstechnik',
      title: 'Lagebericht zur IT-Sicherheit',
      year: '2022',
      publication: 'Bonn: BSI',
      url: 'https://doi.org/10.1000/bsi.2022',
      accessed: '',
    });
  });

  it('prefers T2 over JO, JF, JA and BT as the container, and TI over BT as the title', () => {
    expect(risSource(['JO  - J. Verw.', 'T2  - Journal der Verwaltung', 'TI  - Artikel']).publication).toBe(
      'Journal der Verwaltung',
    );
    expect(risSource(['JF  - Full', 'JA  - Abbr', 'TI  - Artikel']).publication).toBe('Full');
    expect(risSource(['BT  - Sammelband', 'TI  - Kapitel', 'SP  - 3', 'EP  - 9']).publication).toBe(
      'Sammelband, 3–9',
    );
    expect(risSource(['BT  - Nur ein Buchtitel'])).toMatchObject({
      title: 'Nur ein Buchtitel',
      publication: '',
    });
  });

  it('takes the year from the first four digits, editors from ED, passes on a Y2 day that does not exist (for the server to leave out) and ignores Y2 without UR', () => {
    expect(risSource(['Y1  - 2019/05/01/Frühjahr', 'ED  - Bauer, B.', 'TI  - x']).year).toBe('2019');
    expect(risSource(['ED  - Bauer, B.', 'ED  - Cramer, C.']).authors).toBe('Bauer, B.; Cramer, C.');
    expect(risSource(['UR  - https://a.de', 'Y2  - 12.03.2024']).accessed).toBe('');
    expect(risSource(['UR  - https://a.de', 'Y2  - 2024/02/30/']).accessed).toBe('2024-02-30');
    expect(risSource(['UR  - https://a.de', 'Y2  - 2024-03-12T10:15:00']).accessed).toBe('2024-03-12');
    expect(risSource(['Y2  - 2024/03/12/']).accessed).toBe('');
  });

  it('writes VL and IS as "12(3)" and a single page without a range', () => {
    expect(risSource(['JO  - Z', 'VL  - 12', 'IS  - 3', 'SP  - 45']).publication).toBe('Z, 12(3), 45');
    expect(risSource(['JO  - Z', 'IS  - 3', 'EP  - 9']).publication).toBe('Z, (3), 9');
  });

  it('ignores lines before the first TY and between entries, and reads LF and lone CR line ends', () => {
    const text = 'TY  - JOUR\nTI  - Eins\nER  - \nAU  - Verirrt\nTY  - BOOK\rTI  - Zwei\rER  - ';
    expect(entriesOf(text).map((entry) => [entry.source.title, entry.source.authors])).toEqual([
      ['Eins', ''],
      ['Zwei', ''],
    ]);
  });

  it('leaves no control characters in any field and keeps white space single', () => {
    for (const { source } of entries) {
      for (const value of fieldsOf(source)) {
        expect(value).not.toMatch(CONTROL);
        expect(value).toBe(value.replace(/\s+/g, ' ').trim());
      }
    }
  });
});
