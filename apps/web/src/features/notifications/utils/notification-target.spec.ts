import { describe, expect, it } from '@jest/globals';
import { notificationTarget } from './notification-target';

const project = { id: 'p1', title: 'Bericht', language: 'de' as const };

describe('notificationTarget()', () => {
  it('leads to the comment in its section', () => {
    expect(
      notificationTarget({ project, section: { id: 's1', title: 'A', number: '1' }, comment: { id: 'c1', excerpt: 'x' } }),
    ).toBe('/projects/p1/sections/s1?comment=c1');
  });

  it('leads to the section without a comment, and to the project when the section is gone', () => {
    expect(notificationTarget({ project, section: { id: 's1', title: 'A', number: '1' }, comment: null })).toBe(
      '/projects/p1/sections/s1',
    );
    expect(notificationTarget({ project, section: null, comment: null })).toBe('/projects/p1');
  });
});
