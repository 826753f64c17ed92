import { numberOutline, type NumberableSection } from './numbering.js';

function section(id: string, parentId: string | null, position: number, numbered = true): NumberableSection {
  return { id, parentId, position, numbered };
}

describe('numberOutline()', () => {
  it('numbers chapters and their sub-sections by position', () => {
    const numbers = numberOutline([
      section('b', null, 1),
      section('a', null, 0),
      section('b2', 'b', 1),
      section('b1', 'b', 0),
    ]);
    expect(Object.fromEntries(numbers)).toEqual({ a: '1', b: '2', b1: '2.1', b2: '2.2' });
  });

  it('gives an unnumbered foreword no number and does not shift the chapters after it', () => {
    const numbers = numberOutline([
      section('foreword', null, 0, false),
      section('intro', null, 1),
      section('strategy', null, 2),
      section('annex', null, 3, false),
    ]);
    expect(Object.fromEntries(numbers)).toEqual({ foreword: null, intro: '1', strategy: '2', annex: null });
  });

  it('skips an unnumbered sub-section among numbered siblings', () => {
    const numbers = numberOutline([
      section('c', null, 0),
      section('c1', 'c', 0),
      section('box', 'c', 1, false),
      section('c2', 'c', 2),
    ]);
    expect(numbers.get('c2')).toBe('1.2');
    expect(numbers.get('box')).toBeNull();
  });

  it('leaves everything below an unnumbered section unnumbered', () => {
    const numbers = numberOutline([section('annex', null, 0, false), section('a1', 'annex', 0)]);
    expect(numbers.get('a1')).toBeNull();
  });

  it('numbers deep nesting', () => {
    const chain = Array.from({ length: 8 }, (_, i) => section(`s${i}`, i === 0 ? null : `s${i - 1}`, 0));
    const numbers = numberOutline([section('first', null, 0), ...chain.map((s, i) => (i === 0 ? { ...s, position: 1 } : s))]);
    expect(numbers.get('s7')).toBe('2.1.1.1.1.1.1.1');
  });

  it('treats a section whose parent is missing as top-level rather than losing it', () => {
    const numbers = numberOutline([section('a', null, 0), section('orphan', 'gone', 1)]);
    expect(numbers.get('orphan')).toBe('2');
  });

  it('answers an empty outline with no numbers', () => {
    expect(numberOutline([]).size).toBe(0);
  });
});
