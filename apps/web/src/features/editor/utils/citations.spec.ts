import { describe, expect, it } from '@jest/globals';
import type { Source } from '@kapitel/domain';
import { citableSources, citationLabels, filterCitable } from './citations';

const source = (id: string, authors: string, title: string, year: string): Source => ({
  id,
  authors,
  title,
  year,
  publication: '',
  url: '',
  accessed: '',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const list = [
  source('b', 'KGSt', 'Zweiter Bericht', '2023'),
  source('a', 'KGSt', 'Erster Bericht', '2023'),
  source('c', 'Müller, Anna; Öztürk, Ece', 'Digitale Souveränität', '2021'),
];

describe('citable sources', () => {
  it('labels the sources in the report language and in the order of the list', () => {
    expect(citableSources(list, 'de').map((entry) => entry.label)).toEqual(['KGSt 2023a', 'KGSt 2023b', 'Müller und Öztürk 2021']);
    expect(citableSources(list, 'en').map((entry) => entry.label)).toContain('Müller and Öztürk 2021');
  });

  it('gives each source id its label', () => {
    expect(citationLabels(citableSources(list, 'de')).get('b')).toBe('KGSt 2023b');
  });

  it('filters by label, title and authors, ignoring case and umlauts', () => {
    const citable = citableSources(list, 'de');
    expect(filterCitable(citable, '2023b').map((entry) => entry.id)).toEqual(['b']);
    expect(filterCitable(citable, 'souveranitat').map((entry) => entry.id)).toEqual(['c']);
    expect(filterCitable(citable, 'oeztuerk').map((entry) => entry.id)).toEqual(['c']);
    expect(filterCitable(citable, 'anna').map((entry) => entry.id)).toEqual(['c']);
    expect(filterCitable(citable, '  ')).toHaveLength(3);
  });
});
