import { lineTextProblem } from './line-text.js';

describe('lineTextProblem()', () => {
  it('takes names and titles in any script, with emoji and joiners inside words', () => {
    for (const value of ['Stadt Musterstadt', 'Ærøskøbing – Straßenbau', 'مدينة', '👩‍💻 Digitales', 'Ä', '']) {
      expect(lineTextProblem('title', value)).toBeNull();
    }
  });

  it('refuses control characters, tabs and line breaks included', () => {
    for (const value of ['a\u001Bb', 'a\u0085b', 'a\tb', 'a\nb', 'a\u007Fb', 'Zeile\u2028zwei', 'a\u2029b']) {
      expect(lineTextProblem('name', value)).toBe('name must not contain control characters (tabs and line breaks included)');
    }
  });

  it('refuses explicit direction controls, with which a name could pass for another', () => {
    for (const value of ['abc\u202Edcba', 'x\u2066y\u2069', '\u202Bא']) {
      expect(lineTextProblem('name', value)).toBe('name must not contain text direction controls (U+202A–U+202E, U+2066–U+2069)');
    }
  });

  it('refuses a text of invisible characters only as empty', () => {
    expect(lineTextProblem('title', '\u200B\u200B\u200D')).toBe('title must not be empty (it holds only invisible characters)');
    for (const value of ['\uFEFF\u00A0\u2060', '\u0301\u0301', '\u2800\u3164']) {
      expect(lineTextProblem('title', value)).toBe('title must not be empty (it holds only invisible characters)');
    }
    expect(lineTextProblem('title', 'Café\u0301')).toBeNull();
  });
});
