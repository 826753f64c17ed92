import { SEARCH_LIMITS, searchQueryProblem } from './api-search.js';

describe('searchQueryProblem()', () => {
  it('accepts 2 to 200 characters, counted in code points', () => {
    expect(searchQueryProblem('ab')).toBeNull();
    expect(searchQueryProblem('🙂'.repeat(SEARCH_LIMITS.queryMaxLength))).toBeNull();
  });

  it('accepts up to 10 words, a quoted phrase counting once, and one-character words among longer ones', () => {
    expect(searchQueryProblem('eins zwei drei vier fünf sechs sieben acht neun zehn')).toBeNull();
    expect(searchQueryProblem('„eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf“')).toBeNull();
    expect(searchQueryProblem('Anlage 3')).toBeNull();
  });

  it.each([
    ['', 'too_short'],
    ['a', 'too_short'],
    ['🙂', 'too_short'],
    ['x'.repeat(SEARCH_LIMITS.queryMaxLength + 1), 'too_long'],
    ['\u00AD\u200B', 'nothing_to_find'],
    ['„“ ""', 'nothing_to_find'],
    ['a b', 'words_too_short'],
    ['"a" -', 'words_too_short'],
    ['eins zwei drei vier fünf sechs sieben acht neun zehn elf', 'too_many_words'],
  ])('refuses %j', (query, problem) => {
    expect(searchQueryProblem(query)).toBe(problem);
  });
});
