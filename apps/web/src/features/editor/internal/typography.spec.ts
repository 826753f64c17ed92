import { describe, expect, it } from '@jest/globals';
import { isCodeLike } from '@kapitel/domain';
import { singleQuote } from './typography';

describe('singleQuote()', () => {
  it('opens a single quotation at a paragraph’s start and after a space or bracket', () => {
    expect([singleQuote('', 'de'), singleQuote('Das Wort ', 'de'), singleQuote('(', 'de')]).toEqual(['‚', '‚', '‚']);
    expect(singleQuote('The word ', 'en')).toBe('‘');
  });

  it('closes the single quotation open in the paragraph, in the language’s own mark', () => {
    expect(singleQuote('Das Wort ‚so', 'de')).toBe('‘');
    expect(singleQuote('The word ‘so', 'en')).toBe('’');
  });

  it('is an apostrophe after a word when no single quotation is open', () => {
    expect(singleQuote('Das geht', 'de')).toBe('’');
    expect(singleQuote('Das Wort ‚so‘ geht', 'de')).toBe('’');
    expect(singleQuote('the report', 'en')).toBe('’');
  });
});

describe('isCodeLike()', () => {
  it('knows addresses and code-like words, whose quotes, dots and hyphens stay as typed', () => {
    expect(['https://example.org/a', 'www.example.org', 'a/b', 'x=', 'name@host', '{x}'].map(isCodeLike)).toEqual(Array(6).fill(true));
  });

  it('leaves ordinary words, numbers and punctuation to the typography', () => {
    expect(['geht', 'ja', '(so', '2024', 'Kommunen,', ''].map(isCodeLike)).toEqual(Array(6).fill(false));
  });
});
