import { accessedProblem, urlProblem } from './source.dto.js';

describe('accessedProblem', () => {
  it('takes a real calendar day up to today, refuses a day that does not exist', () => {
    const now = new Date('2024-06-01T10:00:00Z');
    expect(accessedProblem('2024-02-29', now)).toBeNull();
    expect(accessedProblem('2023-02-29', now)).toMatch(/calendar day/);
    expect(accessedProblem('2024-13-01', now)).toMatch(/calendar day/);
    expect(accessedProblem('2024-6-1', now)).toMatch(/calendar day/);
  });

  it('counts today as the German calendar day, as the report is dated', () => {
    // 23:30 UTC on 11 March is half past midnight on 12 March in Berlin.
    const now = new Date('2024-03-11T23:30:00Z');
    expect(accessedProblem('2024-03-12', now)).toBeNull();
    expect(accessedProblem('2024-03-13', now)).toBe('accessed must not be after today');
  });
});

describe('urlProblem', () => {
  it('takes written-out http and https addresses only', () => {
    expect(urlProblem('https://www.kgst.de/bericht?id=1')).toBeNull();
    expect(urlProblem('HTTP://example.org')).toBeNull();
    for (const url of ['javascript:alert(1)', 'https:example.org', 'ftp://example.org', 'https://', 'https://a b.de']) {
      expect(urlProblem(url)).not.toBeNull();
    }
  });
});
