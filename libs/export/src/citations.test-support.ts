import type { SourceFields } from '@kapitel/domain';

/** Sources and citations for the specs of citations and the bibliography. */

export const SOURCE = {
  first: '5e000000-0000-4000-8000-000000000001',
  second: '5e000000-0000-4000-8000-000000000002',
  study: '5e000000-0000-4000-8000-000000000003',
  law: '5e000000-0000-4000-8000-000000000004',
  unused: '5e000000-0000-4000-8000-000000000005',
  gone: '5e000000-0000-4000-8000-0000000000ff',
};

/** A project's list: two KGSt reports of 2023 ("a" and "b"), a study, a law without authors or year, one cited nowhere. */
export const SOURCES: SourceFields[] = [
  { id: SOURCE.second, authors: 'KGSt', title: 'Zweiter Bericht', year: '2023', publication: 'Köln: KGSt' },
  {
    id: SOURCE.first,
    authors: 'KGSt',
    title: 'Erster Bericht',
    year: '2023',
    publication: 'Köln: KGSt',
    url: 'https://www.kgst.de/dokumentdetails?path=/documents/20181/erster-bericht-open-source-in-der-kommunalverwaltung-2023.pdf',
    accessed: '2024-03-12',
  },
  {
    id: SOURCE.study,
    authors: 'Müller, Anna; Schmidt, Jan',
    title: 'Offene Software in "Kommunen"',
    year: '2021',
    publication: 'Verwaltung & Management 27 (3)',
  },
  { id: SOURCE.law, authors: '', title: 'Onlinezugangsgesetz', year: '' },
  { id: SOURCE.unused, authors: 'Abel, A.', title: 'Nie zitiert', year: '2020' },
];

export const text = (value: string) => ({ type: 'text', text: value });
export const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
export const cite = (sourceId: string, locator = '', label = 'Alte Marke 1999', prefix = '') => ({
  type: 'citation',
  attrs: { sourceId, label, locator, prefix },
});
