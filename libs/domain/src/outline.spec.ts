import {
  childrenByParent,
  depthOf,
  moveProblem,
  newChapterPosition,
  outlineProblems,
  placeAmongSiblings,
  subtreeHeight,
  subtreeIds,
  type OutlineLink,
} from './outline.js';

/** 1 [1.1 [1.1.1], 1.2], 2 */
function sampleOutline(): OutlineLink[] {
  return [
    { id: 'b', parentId: null, position: 1 },
    { id: 'a', parentId: null, position: 0 },
    { id: 'a1', parentId: 'a', position: 0 },
    { id: 'a2', parentId: 'a', position: 1 },
    { id: 'a11', parentId: 'a1', position: 0 },
  ];
}

describe('outline tree rules', () => {
  it('groups children by parent in the order of their positions', () => {
    const children = childrenByParent(sampleOutline());
    expect(children.get(null)?.map((s) => s.id)).toEqual(['a', 'b']);
    expect(children.get('a')?.map((s) => s.id)).toEqual(['a1', 'a2']);
  });

  it('finds a subtree, its height and the depth of a section', () => {
    const outline = sampleOutline();
    expect([...subtreeIds(outline, 'a')].sort()).toEqual(['a', 'a1', 'a11', 'a2']);
    expect(subtreeHeight(outline, 'a')).toBe(3);
    expect(subtreeHeight(outline, 'b')).toBe(1);
    expect(depthOf(outline, 'a11')).toBe(3);
    expect(depthOf(outline, 'b')).toBe(1);
  });

  it('refuses a move under oneself or one of one’s descendants', () => {
    const outline = sampleOutline();
    expect(moveProblem(outline, 'a', 'a', 6)).toBe('cycle');
    expect(moveProblem(outline, 'a', 'a11', 6)).toBe('cycle');
    expect(moveProblem(outline, 'a1', 'b', 6)).toBeNull();
    expect(moveProblem(outline, 'a11', null, 6)).toBeNull();
  });

  it('refuses a move that would nest deeper than allowed', () => {
    expect(moveProblem(sampleOutline(), 'a', 'b', 3)).toBe('too_deep');
    expect(moveProblem(sampleOutline(), 'a', 'b', 4)).toBeNull();
  });

  it('places a section among its siblings, clamping the position', () => {
    expect(placeAmongSiblings(['x', 'y'], 'n', 1)).toEqual(['x', 'n', 'y']);
    expect(placeAmongSiblings(['x', 'y'], 'n', 99)).toEqual(['x', 'y', 'n']);
    expect(placeAmongSiblings(['x', 'y', 'z'], 'x', 2)).toEqual(['y', 'z', 'x']);
  });

  it('reports missing parents, cycles and gaps in positions', () => {
    expect(outlineProblems(sampleOutline())).toEqual([]);
    expect(outlineProblems([{ id: 'o', parentId: 'gone', position: 0 }])).toHaveLength(1);
    const cycle = [
      { id: 'p', parentId: 'q', position: 0 },
      { id: 'q', parentId: 'p', position: 0 },
    ];
    expect(outlineProblems(cycle).filter((problem) => problem.includes('cycle'))).toHaveLength(2);
    const gap = [
      { id: 'x', parentId: null, position: 0 },
      { id: 'y', parentId: null, position: 2 },
    ];
    expect(outlineProblems(gap)).toEqual(['children of the top level have positions 0,2']);
  });
});

describe('newChapterPosition', () => {
  const numbered = { numbered: true };
  const unnumbered = { numbered: false };

  it('puts a new chapter after the last numbered one: before the annex, after the foreword', () => {
    expect(newChapterPosition([unnumbered, numbered, numbered, unnumbered])).toBe(3);
    expect(newChapterPosition([unnumbered, numbered, unnumbered, unnumbered])).toBe(2);
  });

  it('puts it at the end when no chapter is numbered or there is none', () => {
    expect(newChapterPosition([unnumbered, unnumbered])).toBe(2);
    expect(newChapterPosition([numbered])).toBe(1);
    expect(newChapterPosition([])).toBe(0);
  });
});
