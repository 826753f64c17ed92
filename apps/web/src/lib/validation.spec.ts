import { describe, expect, it } from '@jest/globals';
import { rules } from './validation';

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
