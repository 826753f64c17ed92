import { parseSources } from './source-import.js';
import { BIBTEX, entriesOf, bibtexSource, fieldsOf, CONTROL } from './source-import.test-support.js';

describe('parseSources: BibTeX', () => {
  const parsed = parseSources(BIBTEX);
  const entries = parsed?.entries ?? [];
  const byName = (name: string) => entries.find((entry) => entry.name === name)?.source;

  it('reads every entry in file order with 1-based positions and keys as names, skipping @comment, @preamble and @string', () => {
    expect(parsed?.format).toBe('bibtex');
    expect(entries.map((entry) => [entry.position, entry.name])).toEqual([
      [1, 'muller_digitale_2023'],
      [2, 'kgst_open_2021'],
      [3, 'bsi_lagebericht_2022'],
      [4, 'grossmann_leitfaden_2024'],
      [5, 'ozg_2017'],
      [6, 'schulz_stadt_2020'],
      [7, 'ohne_titel'],
      [8, 'sammelband_1999'],
    ]);
  });

  it('maps a Zotero @article: names, title, year, journal with volume(number) and pages, url and urldate', () => {
    expect(byName('muller_digitale_2023')).toEqual({
      authors: 'Müller, Anna; Schmidt, Jan',
      title: 'Digitale Souveränität in Kommunen: Open Source als Strategie',
      year: '2023',
      publication: 'Verwaltung & Management, 12(3), 45–67',
      url: 'https://www.example.org/vm/2023/3/mueller',
      accessed: '2024-03-12',
    });
  });

  it('keeps an organisation in braces whole and takes publisher (a macro), address and series for a @book', () => {
    expect(byName('kgst_open_2021')).toEqual({
      authors: 'Kommunale Gemeinschaftsstelle für Verwaltungsmanagement',
      title: 'Open Source in der Kommunalverwaltung',
      year: '2021',
      publication: 'Köln: KGSt, KGSt-Bericht',
      url: '',
      accessed: '',
    });
  });

  it('reads field names in any case and takes the year from a biblatex date, the institution for a @report', () => {
    expect(byName('bsi_lagebericht_2022')).toEqual({
      authors: 'Bundesamt für Sicherheit in der Informationstechnik',
      title: 'Lagebericht zur IT-Sicherheit in Deutschland 2022',
      year: '2022',
      publication: 'Bonn: BSI',
      url: 'https://www.bsi.bund.de/lagebericht',
      accessed: '2024-01-15',
    });
  });

  it('turns "Given Surname" into "Surname, Given", keeps particles with the surname and leaves out "and others"', () => {
    expect(byName('grossmann_leitfaden_2024')).toMatchObject({
      authors: 'Großmann, Hans-Peter; van Beethoven, Ludwig; Weiß, Erika',
      title: 'Leitfaden: Open Source & Vergabe — ein Überblick',
      year: '2024',
      publication: 'Open Source Business Alliance',
      url: 'https://osb-alliance.de/leitfaden_vergabe',
      accessed: '2024-02-15',
    });
  });

  it('leaves authors empty when an entry has neither author nor editor', () => {
    expect(byName('ozg_2017')).toEqual({
      authors: '',
      title: 'Gesetz zur Verbesserung des Onlinezugangs zu Verwaltungsleistungen (Onlinezugangsgesetz – OZG)',
      year: '2017',
      publication: '',
      url: 'https://www.gesetze-im-internet.de/ozg/',
      accessed: '2024-03-01',
    });
  });

  it('takes booktitle, publisher and address for an @incollection and makes a DOI the address when there is no url', () => {
    expect(byName('schulz_stadt_2020')).toEqual({
      authors: 'Schulz, Claudia; de La Fontaine, Jean',
      title: 'Die Stadt als Plattform: Çay, Škoda und ähnliches',
      year: '2020',
      publication: 'Handbuch Digitale Verwaltung, Wiesbaden: Springer VS',
      url: 'https://doi.org/10.1007/978-3-658-23669-4_12-1',
      accessed: '',
    });
  });

  it('marks an entry the file ends inside (a closing brace missing) as cut off, and no complete one', () => {
    const cut = entriesOf('@book{ganz, title = {Vollständig}, year = 2020}\n@article{foo, title = {Kaputt author =');
    expect(cut.map((entry) => [entry.name, entry.cutOff])).toEqual([
      ['ganz', false],
      ['foo', true],
    ]);
    expect(entriesOf('@misc{offen, title = "Ohne Ende')).toMatchObject([{ name: 'offen', cutOff: true }]);
    expect(entries.every((entry) => !entry.cutOff)).toBe(true);
  });

  it("keeps an entry without a title, with title ''", () => {
    expect(byName('ohne_titel')).toEqual({
      authors: 'Niemand, Nora',
      title: '',
      year: '2019',
      publication: '',
      url: '',
      accessed: '',
    });
  });

  it('reads @type( … ) with quoted values and takes the editors when there is no author ("AND" in any case)', () => {
    expect(byName('sammelband_1999')).toEqual({
      authors: 'Bauer, B.; Cramer, C.',
      title: 'Kommunale Selbstverwaltung im Übergang',
      year: '1999',
      publication: 'Nomos',
      url: '',
      accessed: '',
    });
  });

  it('leaves no braces, backslashes or control characters in any field', () => {
    for (const { source } of entries) {
      for (const value of fieldsOf(source)) {
        expect(value).not.toMatch(/[{}\\]/);
        expect(value).not.toMatch(CONTROL);
        expect(value).toBe(value.normalize('NFC'));
        expect(value).toBe(value.replace(/\s+/g, ' ').trim());
      }
    }
  });
});

describe('parseSources: BibTeX values', () => {
  it('joins parts with #: braced, quoted, numbers, @string macros defined earlier and the month macros', () => {
    const source = bibtexSource(
      'title = {Teil} # " eins, " # kgst # ", " # apr # " " # 2023, year = 2023',
      'misc',
    );
    expect(entriesOf('@string{kgst = "KGSt"} @misc{k, title = kgst # { } # dec}')[0]?.source.title).toBe(
      'KGSt December',
    );
    expect(source.title).toBe('Teil eins, , April 2023');
    expect(source.year).toBe('2023');
  });

  it('keeps braces nested in values and inside quotes, so commas and quotes there do not end the value', () => {
    const source = bibtexSource('title = {A {B, {C} "D"} E}, publisher = "Verlag {"}Nord{"}, {Ost}"');
    expect(source.title).toBe('A B, C "D" E');
    expect(source.publication).toBe('Verlag "Nord", Ost');
  });

  it('decodes LaTeX accents in all their forms to composed Unicode', () => {
    const title = bibtexSource(
      String.raw`title = {{\"u} \"{u} \"u {\"A}\"O\"U \"e\"i \'e \`a \^o \~n \c{c} \c c \v{s} \v{C} \"{\i}}`,
    ).title;
    expect(title).toBe('ü ü ü ÄÖÜ ëï é à ô ñ ç ç š Č ï');
    expect(title).toBe(title.normalize('NFC'));
    expect(bibtexSource(String.raw`title = {Stra{\ss}e, Stra\ss e, \ss{}}`).title).toBe('Straße, Straße, ß');
  });

  it('decodes escapes, dashes, ties and quotes', () => {
    expect(bibtexSource(String.raw`title = {A \& B: 5\,\% \$ a\_b \#1}`).title).toBe('A & B: 5 % $ a_b #1');
    expect(bibtexSource('title = {1990--2000 --- heute - morgen}').title).toBe('1990–2000 — heute - morgen');
    expect(bibtexSource('title = {S.~12~f.}').title).toBe('S. 12 f.');
    expect(bibtexSource("title = {``Zitat'' und O'Brien}").title).toBe("“Zitat” und O'Brien");
  });

  it('keeps the argument of \\textit, \\emph, \\textbf, \\url and unknown commands and drops the command', () => {
    expect(
      bibtexSource(
        String.raw`title = {\textit{Kursiv} \emph{betont} \textbf{fett} \foo{x} \url{https://a.de}}`,
      ).title,
    ).toBe('Kursiv betont fett x https://a.de');
    expect(bibtexSource(String.raw`title = {{\relax Open} {EU}-Recht $x$}`).title).toBe('Open EU-Recht x');
  });

  it('writes every name "Surname, Given", keeps braced organisations whole and splits only at "and" outside braces', () => {
    const authors = (value: string) => bibtexSource(`author = {${value}}`).authors;
    expect(authors('Anna Müller')).toBe('Müller, Anna');
    expect(authors('A. B. Smith and Müller, Anna')).toBe('Smith, A. B.; Müller, Anna');
    expect(authors('Ludwig van Beethoven and Charles de Gaulle and Otto von Bismarck')).toBe(
      'van Beethoven, Ludwig; de Gaulle, Charles; von Bismarck, Otto',
    );
    expect(authors('{Müller and Söhne GmbH} and {KGSt}')).toBe('Müller and Söhne GmbH; KGSt');
    expect(authors('{\\"O}zdemir, Ay{\\c{s}}e and Peter {\\"O}zdemir')).toBe('Özdemir, Ayşe; Özdemir, Peter');
    expect(authors('King, Jr., Martin Luther')).toBe('King, Martin Luther, Jr.');
    expect(authors('Aristoteles and others')).toBe('Aristoteles');
    expect(authors('Alexander Sandlander')).toBe('Sandlander, Alexander');
  });

  it('takes the year as printed, else the year of the date', () => {
    expect(bibtexSource('year = {2021/22}').year).toBe('2021/22');
    expect(bibtexSource('date = {2023-05-02}').year).toBe('2023');
    expect(bibtexSource('date = {2023}').year).toBe('2023');
  });

  it('prefers an http(s) url, else the DOI, else passes on the url as written (for the server to leave out), and the urldate only of an entry with an address', () => {
    expect(bibtexSource('url = {ftp://example.org/x}, doi = {10.1/x}')).toMatchObject({
      url: 'https://doi.org/10.1/x',
    });
    expect(bibtexSource('url = {www.example.org}')).toMatchObject({ url: 'www.example.org' });
    expect(bibtexSource('doi = {https://doi.org/10.1/y}').url).toBe('https://doi.org/10.1/y');
    expect(bibtexSource('url = {https://a.de/~user/a--b}, urldate = {2024-02-29}')).toMatchObject({
      url: 'https://a.de/~user/a--b',
      accessed: '2024-02-29',
    });
    expect(bibtexSource('url = {https://a.de}, urldate = {2023-02-29}').accessed).toBe('2023-02-29');
    expect(bibtexSource('url = {https://a.de}, urldate = {12.03.2024}').accessed).toBe('12.03.2024');
    expect(bibtexSource('urldate = {2024-03-12}').accessed).toBe('');
  });

  it('writes an article\'s volume and number as "12(3)" and leaves out what is missing', () => {
    expect(bibtexSource('journaltitle = {Z}, volume = {12}', 'article').publication).toBe('Z, 12');
    expect(bibtexSource('journal = {Z}, number = {3}, pages = {7}', 'article').publication).toBe('Z, (3), 7');
    expect(bibtexSource('pages = {7}', 'article').publication).toBe('7');
  });

  it('takes booktitle, publisher and address for @inproceedings and appends a series to any type', () => {
    expect(
      bibtexSource('booktitle = {Tagungsband}, address = {Ulm}, series = {LNI}', 'inproceedings').publication,
    ).toBe('Tagungsband, Ulm, LNI');
    expect(
      bibtexSource('publisher = {}, institution = {Fraunhofer FOKUS}, address = {Berlin}', 'techreport')
        .publication,
    ).toBe('Berlin: Fraunhofer FOKUS');
  });

  it("names an entry without key by its title cut to 60 characters, else ''", () => {
    const long = 'Ein sehr langer Titel über Open Source in der öffentlichen Verwaltung und anderswo';
    const [withTitle, without] = entriesOf(`@misc{, title = {${long}}} @misc{title = {}}`);
    expect(withTitle?.name).toBe([...long].slice(0, 60).join('').trimEnd());
    expect(without).toMatchObject({ position: 2, name: '' });
  });

  it('collapses white space and line breaks in values to single spaces and normalises to NFC', () => {
    expect(bibtexSource('title = {  Zwei\n\t Zeilen\u00A0und Cafe\u0301  }').title).toBe(
      'Zwei Zeilen und Café',
    );
  });
});
