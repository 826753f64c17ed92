import { describe, expect, it } from '@jest/globals';
import type { OutlineNode } from '@kapitel/domain';
import {
  descendantCount,
  flattenOutline,
  isOverdue,
  localToday,
  moveTarget,
  moveTargets,
  outlineLinks,
  subtreeRowIds,
} from './outline-tree';

function node(
  id: string,
  parentId: string | null,
  position: number,
  children: OutlineNode[] = [],
): OutlineNode {
  return {
    id,
    projectId: 'p',
    parentId,
    position,
    number: null,
    title: id,
    numbered: true,
    state: 'draft',
    assigneeIds: [],
    reviewerId: null,
    dueDate: null,
    targetWords: null,
    noObjections: [],
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    children,
  };
}

// a
// b
//   b1
//   b2
// c
const tree = [
  node('a', null, 0),
  node('b', null, 1, [node('b1', 'b', 0), node('b2', 'b', 1)]),
  node('c', null, 2),
];
const rows = flattenOutline(tree);
const links = outlineLinks(rows);
const targetsOf = (id: string) => {
  const row = rows.find((candidate) => candidate.node.id === id);
  if (row === undefined) {
    throw new Error(`no row ${id}`);
  }
  return moveTargets(row, links);
};

describe('flattenOutline()', () => {
  it('lists sections in reading order with their depth', () => {
    expect(rows.map((row) => `${row.node.id}@${String(row.depth)}`)).toEqual([
      'a@1',
      'b@1',
      'b1@2',
      'b2@2',
      'c@1',
    ]);
  });
});

describe('moveTargets()', () => {
  it('offers no way up for the first section and no way down for the last', () => {
    expect(targetsOf('a').up).toBeNull();
    expect(targetsOf('c').down).toBeNull();
    expect(targetsOf('b2').down).toBeNull();
  });

  it('swaps with a neighbour among the same siblings', () => {
    expect(targetsOf('b').up).toEqual({ parentId: null, position: 0 });
    expect(targetsOf('b1').down).toEqual({ parentId: 'b', position: 1 });
  });

  it('indents under the section above, at the end of its sub-sections', () => {
    expect(targetsOf('a').indent).toBeNull();
    expect(targetsOf('c').indent).toEqual({ parentId: 'b', position: 2 });
    expect(targetsOf('b2').indent).toEqual({ parentId: 'b1', position: 0 });
  });

  it('outdents to right after the parent, and not beyond the top level', () => {
    expect(targetsOf('b1').outdent).toEqual({ parentId: null, position: 2 });
    expect(targetsOf('a').outdent).toBeNull();
  });

  it('refuses to indent deeper than the outline allows', () => {
    const deep = flattenOutline([node('x', null, 0, [node('y', 'x', 0)]), node('z', null, 1)]);
    const z = deep.find((row) => row.node.id === 'z');
    if (z === undefined) {
      throw new Error('no row z');
    }
    expect(moveTarget(z, 'indent', outlineLinks(deep), 2)).toEqual({ parentId: 'x', position: 1 });
    expect(moveTarget(z, 'indent', outlineLinks(deep), 1)).toBeNull();
  });
});

describe('subtreeRowIds()', () => {
  it('holds a section and everything below it', () => {
    expect([...subtreeRowIds(rows, 'b')].sort()).toEqual(['b', 'b1', 'b2']);
    expect([...subtreeRowIds(rows, 'c')]).toEqual(['c']);
  });
});

describe('descendantCount()', () => {
  it('counts the sections below at every depth, and none for a section without any', () => {
    expect(
      descendantCount(node('x', null, 0, [node('y', 'x', 0, [node('z', 'y', 0)]), node('w', 'x', 1)])),
    ).toBe(3);
    expect(descendantCount(tree[1] ?? node('b', null, 1))).toBe(2);
    expect(descendantCount(node('a', null, 0))).toBe(0);
  });
});

describe('isOverdue()', () => {
  it('marks unapproved sections due before today', () => {
    expect(isOverdue({ state: 'draft', dueDate: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ state: 'in_review', dueDate: '2026-03-02' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ state: 'approved', dueDate: '2026-03-01' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ state: 'draft', dueDate: null }, '2026-03-02')).toBe(false);
  });

  it('reads today from the local calendar', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
