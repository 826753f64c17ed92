/** Fixtures and helpers of the import specs (source-import*.spec.ts): files as reference managers write them. */
import type { SourceInput } from './api-sources.js';
import { parseSources, type ImportedEntry } from './source-import.js';

// A Zotero export (non-ASCII partly as LaTeX, as Zotero's built-in exporter writes it), with
// what JabRef and hand-kept files add: a comment, a preamble, macros, quoted values, `( … )`.
export const BIBTEX = String.raw`% Exported by Zotero, edited in JabRef
@comment{jabref-meta: databaseType:bibtex;}
@preamble{"\newcommand{\noopsort}[1]{}"}
@string{vm = {Verwaltung \& Management}}
@STRING{kgst = "KGSt"}

@article{muller_digitale_2023,
	title = {Digitale {Souveränität} in {Kommunen}: {Open} {Source} als {Strategie}},
	volume = {12},
	url = {https://www.example.org/vm/2023/3/mueller},
	doi = {10.5771/0947-9856-2023-3-45},
	language = {de},
	number = {3},
	urldate = {2024-03-12},
	journal = vm,
	author = {Müller, Anna and Schmidt, Jan},
	month = mar,
	year = {2023},
	pages = {45--67},
	file = {Volltext:/home/anna/Zotero/storage/ABC/mueller.pdf:application/pdf},
}

@book{kgst_open_2021,
	title = {Open {Source} in der {Kommunalverwaltung}},
	author = {{Kommunale Gemeinschaftsstelle f{\"u}r Verwaltungsmanagement}},
	publisher = kgst,
	address = {K{\"o}ln},
	series = {{KGSt}-Bericht},
	year = {2021},
}

@report{bsi_lagebericht_2022,
	Title = {Lagebericht zur {IT}-Sicherheit in {Deutschland} 2022},
	Author = {{Bundesamt f\"ur Sicherheit in der Informationstechnik}},
	Institution = {BSI},
	Location = {Bonn},
	Date = {2022-10-25},
	URL = {https://www.bsi.bund.de/lagebericht},
	Urldate = {2024-01-15},
}

@online{grossmann_leitfaden_2024,
	title = "Leitfaden: {Open} {Source} \& {Vergabe} --- ein {\"U}berblick",
	author = "Hans-Peter Gro{\ss}mann and Ludwig van Beethoven and Weiß, Erika and others",
	organization = {Open Source Business Alliance},
	year = 2024,
	url = {https://osb-alliance.de/leitfaden\_vergabe},
	urldate = {2024-02-15},
}

@misc{ozg_2017,
	title = {Gesetz zur Verbesserung des {Onlinezugangs} zu {Verwaltungsleistungen} ({Onlinezugangsgesetz} -- {OZG})},
	year = {2017},
	howpublished = {Bundesgesetzblatt},
	url = {https://www.gesetze-im-internet.de/ozg/},
	urldate = {2024-03-01},
	note = {Stand: 28.06.2021},
}

@incollection{schulz_stadt_2020,
	author = {Schulz, Claudia and Jean de La Fontaine},
	editor = {Meier, Thomas},
	title = {Die \emph{Stadt} als {{Platt}{form}}: {\c{C}}ay, {\v{S}}koda und {\"{a}}hnliches},
	booktitle = {Handbuch {Digitale} {Verwaltung}},
	publisher = {Springer VS},
	address = {Wiesbaden},
	year = {2020},
	pages = {101--118},
	doi = {10.1007/978-3-658-23669-4\_12-1},
}

@misc{ohne_titel,
	author = {Niemand, Nora},
	year = {2019},
}

@book(sammelband_1999,
	title = "Kommunale {Selbstverwaltung} im {\"U}bergang",
	editor = "Bauer, B. AND Cramer, C.",
	publisher = "Nomos",
	year = "1999"
)
`;

// A Citavi/Zotero RIS export: Windows line ends, several AU, the last entry without `ER`.
export const RIS = [
  'TY  - JOUR',
  'AU  - Müller, Anna',
  'AU  - Schmidt, Jan',
  'TI  - Digitale Souveränität in Kommunen',
  'T2  - Verwaltung & Management',
  'VL  - 12',
  'IS  - 3',
  'SP  - 45',
  'EP  - 67',
  'PY  - 2023///',
  'DO  - 10.5771/0947-9856-2023-3-45',
  'UR  - https://www.example.org/vm/2023/3/mueller',
  'Y2  - 2024/03/12/',
  'ER  - ',
  '',
  'TY  - BOOK',
  'AU  - Kommunale Gemeinschaftsstelle für Verwaltungsmanagement',
  'TI  - Open Source in der Kommunalverwaltung',
  'BT  - Open Source in der Kommunalverwaltung',
  'PB  - KGSt',
  'CY  - Köln',
  'PY  - 2021',
  'SN  - 978-3-00-000000-0',
  'ER  - ',
  '',
  'TY - ELEC',
  'A1 - Open Source Business Alliance',
  'T1 - Leitfaden Open Source und Vergabe',
  'UR - https://osb-alliance.de/leitfaden',
  'Y2 - 2024-02-15',
  'DA - 2024/02/01',
  'ER - ',
  '',
  'TY  - GEN',
  'AU  - Niemand, Nora',
  'PY  - 2019',
  'ER  - ',
  '',
  'TY  - RPRT',
  'A2  - Bundesamt für Sicherheit in der Informationstechnik',
  'TI  - Lagebericht zur IT-Sicherheit',
  'T3  - BSI-Lageberichte',
  'PB  - BSI',
  'CY  - Bonn',
  'PY  - 2022',
  'UR  - file:///C:/Berichte/lagebericht.pdf',
  'DO  - 10.1000/bsi.2022',
  'AB  - Die Lage der IT-Sicherheit in Deutschland,',
  '      über mehrere Zeilen umbrochen.',
  '',
].join('\r\n');

export function entriesOf(text: string): ImportedEntry[] {
  const parsed = parseSources(text);
  if (parsed === null) {
    throw new Error('not read as BibTeX or RIS');
  }
  return parsed.entries;
}

export function bibtexSource(fields: string, type = 'misc'): SourceInput {
  const [entry] = entriesOf(`@${type}{k, ${fields}}`);
  if (entry === undefined) {
    throw new Error('no entry');
  }
  return entry.source;
}

export function risSource(lines: string[]): SourceInput {
  const [entry] = entriesOf(['TY  - GEN', ...lines, 'ER  - '].join('\n'));
  if (entry === undefined) {
    throw new Error('no entry');
  }
  return entry.source;
}

/** Seeded (xorshift), so that a failing fuzz case can be repeated: any UTF-16 code units, or from `alphabet`. */
export function randomText(seed: number, length: number, alphabet?: string): string {
  let state = seed | 1;
  const codes = new Uint16Array(length);
  for (let i = 0; i < length; i += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const random = state >>> 0;
    codes[i] = alphabet === undefined ? random & 0xffff : alphabet.charCodeAt(random % alphabet.length);
  }
  const chunks: string[] = [];
  for (let i = 0; i < length; i += 4096) {
    chunks.push(String.fromCharCode(...codes.subarray(i, i + 4096)));
  }
  return chunks.join('');
}

export const fieldsOf = (source: SourceInput): string[] => [
  source.authors,
  source.title,
  source.year,
  source.publication,
  source.url,
  source.accessed,
];

// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
