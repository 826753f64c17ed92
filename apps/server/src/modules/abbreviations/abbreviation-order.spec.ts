import { compareAbbreviations, sortAbbreviations } from './abbreviation-order.js';

describe('sortAbbreviations', () => {
  it('sorts by German collation, ignoring case and umlauts first', () => {
    const shorts = ['Zweck', 'ÖPNV', 'amtlich', 'OZG', 'Ämter', 'z. B.', 'Amt', 'B-Plan', 'Abc'];
    const sorted = sortAbbreviations(shorts.map((short) => ({ short }))).map((entry) => entry.short);
    expect(sorted).toEqual(['Abc', 'Amt', 'Ämter', 'amtlich', 'B-Plan', 'ÖPNV', 'OZG', 'z. B.', 'Zweck']);
  });

  it('orders entries that are equal but for accents the same way whatever order they come in', () => {
    const entries = [{ short: 'Ämt', id: 'b' }, { short: 'Amt', id: 'a' }];
    expect(sortAbbreviations(entries)).toEqual(sortAbbreviations([...entries].reverse()));
    expect(sortAbbreviations(entries).map((entry) => entry.short)).toEqual(['Amt', 'Ämt']);
  });

  it('falls back to the id when the texts are the same', () => {
    expect(compareAbbreviations({ short: 'OZG', id: '1' }, { short: 'OZG', id: '2' })).toBeLessThan(0);
    expect(compareAbbreviations({ short: 'OZG', id: '2' }, { short: 'OZG', id: '1' })).toBeGreaterThan(0);
  });
});
