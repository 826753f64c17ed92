import { describe, expect, it } from '@jest/globals';
import { formerPlace } from './former-place';

const live = new Map([
  ['chapter', { number: '3', title: 'Ausgangslage' }],
  ['sub', { number: '3.1', title: 'Rechtlicher Rahmen' }],
  ['foreword', { number: null, title: 'Vorwort' }],
]);

describe('formerPlace()', () => {
  it('says top level for a chapter', () => {
    expect(formerPlace(null, live)).toEqual({ kind: 'top' });
  });

  it('names a parent that is still in the outline by its number and title', () => {
    expect(formerPlace('chapter', live)).toEqual({ kind: 'under', parent: '3 Ausgangslage' });
    expect(formerPlace('sub', live)).toEqual({ kind: 'under', parent: '3.1 Rechtlicher Rahmen' });
  });

  it('names an unnumbered parent by its title alone', () => {
    expect(formerPlace('foreword', live)).toEqual({ kind: 'under', parent: 'Vorwort' });
  });

  it('says when the parent is no longer in the outline', () => {
    expect(formerPlace('deleted-since', live)).toEqual({ kind: 'gone' });
  });
});
