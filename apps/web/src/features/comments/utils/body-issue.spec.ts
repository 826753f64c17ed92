import { describe, expect, it } from '@jest/globals';
import { LIMITS } from '@kapitel/domain';
import { bodyIssue } from './body-issue';

describe('bodyIssue()', () => {
  it('accepts any real text, markup included', () => {
    expect(bodyIssue('<img src=x onerror=alert(1)>')).toBeNull();
    expect(bodyIssue('Zeile 1\n\tZeile 2 🙂')).toBeNull();
  });

  it('names what is wrong', () => {
    expect(bodyIssue('   \n')).toBe('required');
    expect(bodyIssue('a'.repeat(LIMITS.commentMaxLength + 1))).toBe('tooLong');
    expect(bodyIssue('🙂'.repeat(LIMITS.commentMaxLength))).toBeNull();
    expect(bodyIssue('mit\u0000Null')).toBe('invalid');
    expect(bodyIssue('halb \ud800')).toBe('invalid');
  });
});
