import { beforeRestoreLabel, versionLabelProblem } from './api-versions.js';
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

describe('beforeRestoreLabel()', () => {
  const createdAt = new Date('2026-03-12T13:05:00Z');

  it('names the restored version by its label, in the project language', () => {
    expect(beforeRestoreLabel({ label: 'Entwurf', createdAt }, 'de')).toBe('Vor der Wiederherstellung von „Entwurf“');
    expect(beforeRestoreLabel({ label: 'Draft', createdAt }, 'en')).toBe('Before restoring “Draft”');
  });

  it('names an approval version (no label) by its date in German time', () => {
    expect(beforeRestoreLabel({ label: null, createdAt }, 'de')).toBe('Vor der Wiederherstellung von „12.03.2026, 14:05“');
    expect(beforeRestoreLabel({ label: null, createdAt }, 'en')).toBe('Before restoring “12 Mar 2026, 14:05”');
  });

  it('shortens a long label so that the result is still a valid label', () => {
    const label = beforeRestoreLabel({ label: 'ä'.repeat(LIMITS.versionLabelMaxLength), createdAt }, 'de');
    expect(versionLabelProblem(label)).toBeNull();
    expect(Array.from(label)).toHaveLength(LIMITS.versionLabelMaxLength);
    expect(label.endsWith('…“')).toBe(true);
  });
});
