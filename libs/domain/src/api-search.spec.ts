import { SEARCH_LIMITS, searchQueryProblem } from './api-search.js';

describe('searchQueryProblem()', () => {
  it('accepts 2 to 200 characters, counted in code points', () => {
    expect(searchQueryProblem('ab')).toBeNull();
    expect(searchQueryProblem('🙂'.repeat(SEARCH_LIMITS.queryMaxLength))).toBeNull();
  });

  it.each([
    ['', 'too_short'],
    ['a', 'too_short'],
    ['🙂', 'too_short'],
    ['x'.repeat(SEARCH_LIMITS.queryMaxLength + 1), 'too_long'],
    ['\u00AD\u200B', 'nothing_to_find'],
  ])('refuses %j', (query, problem) => {
    expect(searchQueryProblem(query)).toBe(problem);
  });
});
