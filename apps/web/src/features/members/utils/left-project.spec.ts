import { describe, expect, it } from '@jest/globals';
import { leftProjectOf, leftProjectState } from './left-project';

describe('leftProjectOf()', () => {
  it('reads back the title that leftProjectState() carries', () => {
    expect(leftProjectOf(leftProjectState('Bericht 2027'))).toBe('Bericht 2027');
  });

  it.each([null, undefined, 'Bericht', {}, { leftProject: null }, { leftProject: 3 }, { other: 'Bericht' }])(
    'finds no project in %j',
    (state) => {
      expect(leftProjectOf(state)).toBeNull();
    },
  );
});
