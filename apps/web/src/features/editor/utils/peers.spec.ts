import { describe, expect, it } from '@jest/globals';
import { initialsOf, peersOf } from './peers';

describe('peersOf()', () => {
  it('lists each stamped user once, without oneself, sorted by name', () => {
    const states = new Map<number, unknown>([
      [1, { user: { id: 'me', name: 'Lea Leitung', color: '#1d4ed8' } }],
      [2, { user: { id: 'u2', name: 'Rita Prüfer', color: '#b91c1c' }, cursor: null }],
      [3, { user: { id: 'u3', name: 'Ali Autor', color: '#047857' } }],
      [4, { user: { id: 'u2', name: 'Rita Prüfer', color: '#b91c1c' } }],
      [5, { user: { name: 'ohne Kennung', color: '#000000' } }],
      [6, {}],
    ]);
    expect(peersOf(states, 1)).toEqual([
      { id: 'u3', name: 'Ali Autor', color: '#047857' },
      { id: 'u2', name: 'Rita Prüfer', color: '#b91c1c' },
    ]);
  });

  it('does not pass a colour on that is not a plain hex colour', () => {
    const states = new Map<number, unknown>([[2, { user: { id: 'u2', name: 'X', color: 'red;background:url(x)' } }]]);
    expect(peersOf(states, 1)[0]?.color).toBe('#4a5360');
  });
});

describe('initialsOf()', () => {
  it.each([
    ['Lea Leitung', 'LL'],
    ['Anna-Lena Müller', 'AM'],
    ['Özlem', 'ÖZ'],
    ['  ', '?'],
  ])('%j -> %j', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});
