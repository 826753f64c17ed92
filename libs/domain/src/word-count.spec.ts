import { countWords, overTarget } from './word-count.js';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n\n  ', 0],
    ['Die Stadt nutzt Open Source.', 5],
    ['E-Mail, geht’s und/oder 1.234,56 €', 4],
    ['Ausschusssitzung – am 3. 5. 2026!', 5],
    ['Müller straße Ärger ß', 4],
    ['Zeile eins\n\nZeile zwei\tdrei', 5],
    ['„Zitat“ (Klammer) [1]', 3],
  ])('counts %j as %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});

describe('overTarget', () => {
  it('is over only when the count passed a target that is set', () => {
    expect(overTarget(1001, 1000)).toBe(true);
    expect(overTarget(1000, 1000)).toBe(false);
    expect(overTarget(5000, null)).toBe(false);
  });
});
