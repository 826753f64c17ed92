import { describe, expect, it } from '@jest/globals';
import { initialsOf } from './initials';

describe('initialsOf()', () => {
  it.each([
    ['Lea Leitung', 'LL'],
    // A hyphenated surname counts by its first part, a hyphenated first name too.
    ['Aylin Demir-Schulz', 'AD'],
    ['Anna-Lena Müller', 'AM'],
    ['Hans-Peter Müller-Lüdenscheidt', 'HM'],
    // Middle names do not count, the surname does.
    ['Karl Theodor Maria Schmidt', 'KS'],
    // Particles are not the surname's initial.
    ['Ursula von der Leyen', 'UL'],
    ['Ludwig van Beethoven', 'LB'],
    ['Karl-Theodor zu Guttenberg', 'KG'],
    ['Jan ter Horst', 'JH'],
    // Capitalised, such a word is a name of its own.
    ['Maria Van', 'MV'],
    // Umlauts, also typed as a letter and a combining mark, and lower case.
    ['Özlem Şahin', 'ÖŞ'],
    ['U\u0308mit A\u0308rger', 'ÜÄ'],
    ['lena leitner', 'LL'],
    // Single names: two letters, or the parts' first letters when hyphenated.
    ['Özlem', 'ÖZ'],
    ['Anna-Lena', 'AL'],
    ['Ö', 'Ö'],
    // Titles before the name, the surname-first form of lists, extra spaces.
    ['Dr. Ines Imhof', 'II'],
    ['Prof. Dr. Jürgen Jäger', 'JJ'],
    ['Demir-Schulz, Aylin', 'AD'],
    ['  Rita   Prüfer  ', 'RP'],
    // An abbreviated surname still counts.
    ['Maria K.', 'MK'],
    // Nothing to take a letter from.
    ['  ', '?'],
    ['', '?'],
    ['– 42', '?'],
  ])('%j -> %j', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});
