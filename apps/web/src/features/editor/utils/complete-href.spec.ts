import { describe, expect, it } from '@jest/globals';
import { isAllowedHref } from '@kapitel/editor';
import { completeHref } from './complete-href';

describe('completeHref()', () => {
  it.each([
    ['www.kommune.de', 'https://www.kommune.de'],
    ['  kommune.de/bericht?jahr=2025 ', 'https://kommune.de/bericht?jahr=2025'],
    ['info@kommune.de', 'mailto:info@kommune.de'],
    ['https://example.org', 'https://example.org'],
    ['mailto:a@b.de', 'mailto:a@b.de'],
  ])('makes %j into %j', (input, expected) => {
    expect(completeHref(input)).toBe(expected);
    expect(isAllowedHref(completeHref(input))).toBe(true);
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', ''])(
    'leaves %j for the link rules to refuse',
    (input) => {
      expect(isAllowedHref(completeHref(input))).toBe(false);
    },
  );
});
