import { describe, expect, it } from '@jest/globals';
import { parseWholeNumber, rules } from './validation';

describe('rules.email()', () => {
  const check = rules.email();

  it.each(['anna@example.org', 'a.b+c@stadt.musterstadt.de', 'x@städte.de', 'a@b.xn--p1ai', ' anna@example.org '])(
    'accepts %s, as the server does',
    (value) => {
      expect(check(value)).toBeNull();
    },
  );

  it.each(['a@b', 'name@localhost', 'a@b.c', 'a@b.c1', 'kein-at.example.org', 'zwei@@example.org', 'mit leerzeichen@example.org'])(
    'refuses %s, which the server refuses too',
    (value) => {
      expect(check(value)).toEqual({ kind: 'email' });
    },
  );

  it('leaves an empty field to the required rule', () => {
    expect(check('  ')).toBeNull();
  });
});

describe('rules.date()', () => {
  const check = rules.date();

  it('takes a calendar date written YYYY-MM-DD, and an empty field', () => {
    expect(check('2027-03-31')).toBeNull();
    expect(check('2028-02-29')).toBeNull();
    expect(check('')).toBeNull();
  });

  it('refuses a year of more than four digits, as a date input lets through', () => {
    expect(check('22026-01-31')).toEqual({ kind: 'date' });
  });

  it('refuses a day the calendar does not have', () => {
    expect(check('2027-02-29')).toEqual({ kind: 'date' });
    expect(check('2027-13-01')).toEqual({ kind: 'date' });
  });
});

describe('rules.notOwnEmail()', () => {
  it('refuses one’s own address however it is written, and takes any other', () => {
    const rule = rules.notOwnEmail('lea.leitung@example.org');
    expect(rule(' Lea.Leitung@Example.org ')).toEqual({ kind: 'ownEmail' });
    expect(rule('ali.autor@example.org')).toBeNull();
    expect(rules.notOwnEmail(undefined)('lea.leitung@example.org')).toBeNull();
  });
});

describe('rules.wholeNumber()', () => {
  const check = rules.wholeNumber(1, 100000);

  it('takes nothing, and whole numbers in the range, thousands grouped the German way or not', () => {
    for (const value of ['', '1', '1500', '1.500', '1 500', '100.000']) {
      expect(check(value)).toBeNull();
    }
    expect(parseWholeNumber('12.000')).toBe(12000);
  });

  it('refuses decimals, signs, letters, misplaced points and numbers out of range', () => {
    for (const value of ['0', '-5', '1,5', '1.50', '15.00.0', 'tausend', '100.001', '1e3']) {
      expect(check(value)).toEqual({ kind: 'wholeNumber', min: 1, max: 100000 });
    }
  });
});
