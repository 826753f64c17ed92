import { versionLabelProblem } from './api-versions.js';
import { LIMITS } from './limits.js';

describe('versionLabelProblem()', () => {
  it('accepts one line of text up to the limit, counted in code points', () => {
    expect(versionLabelProblem('Stand vor der Ratssitzung')).toBeNull();
    expect(versionLabelProblem('🙂'.repeat(LIMITS.versionLabelMaxLength))).toBeNull();
  });

  it.each([
    ['', 'label must not be empty'],
    ['x'.repeat(LIMITS.versionLabelMaxLength + 1), 'label must be at most 120 characters long'],
    ['zwei\nZeilen', 'label must not contain control characters (tabs and line breaks included)'],
    ['mit\u0085NEL', 'label must not contain control characters (tabs and line breaks included)'],
    ['\uD800allein', 'label must be valid Unicode text (it contains a lone surrogate)'],
  ])('refuses %j', (label, problem) => {
    expect(versionLabelProblem(label)).toBe(problem);
  });
});
