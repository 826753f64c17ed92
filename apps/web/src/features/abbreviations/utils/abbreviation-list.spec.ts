import { describe, expect, it } from '@jest/globals';
import { LIMITS } from '@kapitel/domain';
import {
  abbreviationRules,
  filterAbbreviations,
  sameShort,
  sortAbbreviations,
} from './abbreviation-list';
import { maxCodePoints, normaliseFieldText } from '../../../lib/validation';

const entry = (short: string, long = '', id = short) => ({
  id,
  short,
  long,
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('the order of the list of abbreviations', () => {
  it('sorts by German collation, case and umlauts ignored first, then the finer differences', () => {
    const sorted = sortAbbreviations([
      entry('amtlich'),
      entry('Ämter'),
      entry('OZG'),
      entry('AMT2'),
      entry('Amt'),
      entry('z. B.'),
      entry('BSI'),
    ]);
    expect(sorted.map((e) => e.short)).toEqual(['Amt', 'AMT2', 'Ämter', 'amtlich', 'BSI', 'OZG', 'z. B.']);
  });

  it('orders entries that differ only in case the same way every time, whatever order they came in', () => {
    const a = [entry('eu', '', '2'), entry('EU', '', '1'), entry('Eu', '', '3')];
    expect(sortAbbreviations(a).map((e) => e.short)).toEqual(
      sortAbbreviations([...a].reverse()).map((e) => e.short),
    );
  });

  it('leaves the given list as it is', () => {
    const list = [entry('OZG'), entry('BSI')];
    sortAbbreviations(list);
    expect(list.map((e) => e.short)).toEqual(['OZG', 'BSI']);
  });
});

describe('the filter of the list of abbreviations', () => {
  const list = [
    entry('OZG', 'Onlinezugangsgesetz'),
    entry('z. B.', 'zum Beispiel'),
    entry('KRITIS', 'Kritische Infrastrukturen'),
    entry('ÄndG', 'Änderungsgesetz'),
  ];
  const shorts = (query: string): string[] => filterAbbreviations(list, query).map((e) => e.short);

  it('finds the abbreviation or its meaning, in any case', () => {
    expect(shorts('ozg')).toEqual(['OZG']);
    expect(shorts('INFRA')).toEqual(['KRITIS']);
    expect(shorts('gesetz')).toEqual(['OZG', 'ÄndG']);
  });

  it('ignores umlauts and accents, and dots and spaces in abbreviations', () => {
    expect(shorts('andg')).toEqual(['ÄndG']);
    expect(shorts('anderungs')).toEqual(['ÄndG']);
    expect(shorts('zB')).toEqual(['z. B.']);
    expect(shorts('z.b.')).toEqual(['z. B.']);
  });

  it('takes an umlaut written out, as the report search does', () => {
    expect(shorts('aendg')).toEqual(['ÄndG']);
    expect(shorts('Aenderungs')).toEqual(['ÄndG']);
  });

  it('finds everything for a blank query and nothing for a stranger', () => {
    expect(shorts('  ')).toHaveLength(4);
    expect(shorts('DSGVO')).toEqual([]);
  });
});

describe('the checks of the form', () => {
  it('normalises as the server does: NFC, one space, trimmed', () => {
    expect(normaliseFieldText('  z.\u00A0\tB. ')).toBe('z. B.');
    expect(normaliseFieldText('A\u0308mter')).toBe('Ämter');
  });

  it('takes an abbreviation the list has in another case, or with other spaces, as the same', () => {
    expect(sameShort('ozg', 'OZG')).toBe(true);
    expect(sameShort(' z.  B. ', 'z. B.')).toBe(true);
    expect(sameShort('A\u0308ndG', 'ändg')).toBe(true);
    expect(sameShort('OZG', 'OZG2')).toBe(false);
  });

  it('counts code points, not UTF-16 units', () => {
    expect(maxCodePoints(3)('😀😀😀')).toBeNull();
    expect(maxCodePoints(3)('abcd')).toEqual({ kind: 'maxLength', limit: 3 });
  });

  it('refuses a blank field, a too long one, and an abbreviation another entry has', () => {
    const list = [entry('OZG', 'Onlinezugangsgesetz', 'a'), entry('BSI', 'Bundesamt', 'b')];
    const forNew = abbreviationRules(list, null);
    const first = (rules: typeof forNew.short, value: string) =>
      rules.map((rule) => rule(value)).find((issue) => issue !== null) ?? null;
    expect(first(forNew.short, ' ')).toEqual({ kind: 'required' });
    expect(first(forNew.short, 'x'.repeat(LIMITS.abbreviationShortMaxLength + 1))).toEqual({
      kind: 'maxLength',
      limit: LIMITS.abbreviationShortMaxLength,
    });
    expect(first(forNew.short, 'ozg')).toEqual({ kind: 'refused', code: 'ABBREVIATION_EXISTS' });
    expect(first(forNew.long, 'y'.repeat(LIMITS.abbreviationLongMaxLength + 1))).toEqual({
      kind: 'maxLength',
      limit: LIMITS.abbreviationLongMaxLength,
    });
    // Changing an entry: its own abbreviation is no duplicate (a change of case is allowed), another's is.
    const forA = abbreviationRules(list, 'a');
    expect(first(forA.short, 'Ozg')).toBeNull();
    expect(first(forA.short, 'bsi')).toEqual({ kind: 'refused', code: 'ABBREVIATION_EXISTS' });
  });
});
