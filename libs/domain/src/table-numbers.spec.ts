import { figureCells, isFigureText, type TableCellText } from './table-numbers.js';

const cell = (text: string, header = false, colspan = 1, rowspan = 1): TableCellText => ({
  text,
  header,
  colspan,
  rowspan,
});

describe('isFigureText', () => {
  it.each(['184.000', '42 %', '1.200,50 €', '−3,5', '€ 12', '2024', '12 500', '0,7 Mio.', '3\u202F000'])(
    'takes %s as a figure',
    (text) => {
      expect(isFigureText(text)).toBe(true);
    },
  );

  it.each(['Kassel', '12 Kommunen', '2020–2024', 'ca. 12', '1.2.3', '', 'Tabelle 1'])(
    'takes %s as no figure',
    (text) => {
      expect(isFigureText(text)).toBe(false);
    },
  );
});

describe('figureCells', () => {
  it('sets a column of figures flush right, its header too, and leaves a column of words and a mixed one alone', () => {
    const rows = [
      [cell('Kommune', true), cell('Euro', true), cell('Anmerkung', true)],
      [cell('Kassel'), cell('184.000'), cell('12')],
      [cell('Fulda'), cell(''), cell('geschätzt')],
      [cell('Summe'), cell('226.000'), cell('')],
    ];
    expect(figureCells(rows)).toEqual([
      [false, true, false],
      [false, true, false],
      [false, true, false],
      [false, true, false],
    ]);
  });

  it('places cells around spans from rows above, and leaves spanning cells alone', () => {
    const rows = [
      [cell('Land', false, 1, 2), cell('2023'), cell('2024')],
      [cell('1.200'), cell('1.350')],
      [cell('Summe beider Jahre', false, 2), cell('2.550')],
    ];
    expect(figureCells(rows)).toEqual([
      [false, true, true],
      [true, true],
      [false, true],
    ]);
  });

  it('sets nothing flush right in a column without any figure', () => {
    expect(figureCells([[cell('')], [cell('')]])).toEqual([[false], [false]]);
  });
});
