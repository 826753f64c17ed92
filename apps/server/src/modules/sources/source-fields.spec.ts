import { citedSourceIds } from './source-citations.js';
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

describe('citedSourceIds', () => {
  it('finds citations at any depth, lower-cased, and nothing else', () => {
    const cite = (sourceId: unknown) => ({ type: 'citation', attrs: { sourceId, label: '', locator: '' } });
    const json = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [cite('AAAAAAAA-0000-4000-8000-000000000000'), cite(''), cite(7)] },
        { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [cite('b')] }] }] }] },
        { type: 'sectionRef', attrs: { sourceId: 'c' } },
      ],
    };
    expect([...citedSourceIds(json)].sort()).toEqual(['aaaaaaaa-0000-4000-8000-000000000000', 'b']);
    expect(citedSourceIds(null).size).toBe(0);
  });

  it('walks a document nested far deeper than the call stack would allow', () => {
    let node: Record<string, unknown> = { type: 'citation', attrs: { sourceId: 'deep' } };
    for (let depth = 0; depth < 100_000; depth += 1) {
      node = { type: 'blockquote', content: [node] };
    }
    expect([...citedSourceIds(node)]).toEqual(['deep']);
  });
});
