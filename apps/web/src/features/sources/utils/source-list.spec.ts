import { describe, expect, it } from '@jest/globals';
import { LIMITS, type Source } from '@kapitel/domain';
import { validate } from '../../../lib/validation';
import { filterSources, localToday, sourceInput, sourceRules, sourceValues, EMPTY_SOURCE } from './source-list';

const source = (fields: Partial<Source>): Source => ({
  id: 'id',
  authors: '',
  title: 'Titel',
  year: '',
  publication: '',
  url: '',
  accessed: '',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});

describe('the source form', () => {
  const rules = sourceRules('2026-11-30');

  it('asks for a title and nothing else', () => {
    expect(validate(EMPTY_SOURCE, rules)).toEqual({ title: { kind: 'required' } });
    expect(validate({ ...EMPTY_SOURCE, title: 'Studie' }, rules)).toEqual({});
  });

  it('takes only complete http(s) addresses', () => {
    const url = (value: string) => validate({ ...EMPTY_SOURCE, title: 'x', url: value }, rules).url;
    expect(url('https://www.kgst.de/studie')).toBeUndefined();
    expect(url('http://example.org')).toBeUndefined();
    expect(url('www.kgst.de')).toEqual({ kind: 'url' });
    expect(url('javascript:alert(1)')).toEqual({ kind: 'url' });
    expect(url('ftp://example.org')).toEqual({ kind: 'url' });
    expect(url('https://example.org/a b')).toEqual({ kind: 'url' });
  });

  it('refuses a day that is no calendar day or lies after today', () => {
    const accessed = (value: string) => validate({ ...EMPTY_SOURCE, title: 'x', url: 'https://a.de', accessed: value }, rules).accessed;
    expect(accessed('2026-11-30')).toBeUndefined();
    expect(accessed('2026-12-01')).toEqual({ kind: 'future' });
    expect(accessed('2024-02-30')).toEqual({ kind: 'date' });
  });

  it('counts lengths in code points, as the server does', () => {
    const title = (value: string) => validate({ ...EMPTY_SOURCE, title: value }, rules).title;
    expect(title('😀'.repeat(LIMITS.sourceTitleMaxLength))).toBeUndefined();
    expect(title('x'.repeat(LIMITS.sourceTitleMaxLength + 1))).toEqual({ kind: 'maxLength', limit: LIMITS.sourceTitleMaxLength });
  });

  it('sends the fields as the server stores them, and no day without an address', () => {
    expect(sourceInput({ ...EMPTY_SOURCE, title: ' Open\u00A0Source \n', url: '', accessed: '2026-01-01' })).toEqual({
      ...EMPTY_SOURCE,
      title: 'Open Source',
    });
    expect(sourceInput({ ...EMPTY_SOURCE, title: 'x', url: ' https://a.de ', accessed: '2026-01-01' }).accessed).toBe('2026-01-01');
  });

  it('starts from the fields of a source being changed', () => {
    expect(sourceValues(source({ authors: 'KGSt', year: '2023' }))).toEqual({ ...EMPTY_SOURCE, authors: 'KGSt', title: 'Titel', year: '2023' });
  });

  it('knows today as the local calendar day', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('filterSources()', () => {
  const list = [source({ id: 'a', authors: 'Müller, Anna', title: 'Kommunale IT' }), source({ id: 'b', title: 'OZG', year: '2017' })];

  it('finds by author, title and year, ignoring case and umlauts', () => {
    expect(filterSources(list, 'mueller').map((entry) => entry.id)).toEqual(['a']);
    expect(filterSources(list, 'kommunale it').map((entry) => entry.id)).toEqual(['a']);
    expect(filterSources(list, '2017').map((entry) => entry.id)).toEqual(['b']);
    expect(filterSources(list, ' ')).toHaveLength(2);
  });
});
