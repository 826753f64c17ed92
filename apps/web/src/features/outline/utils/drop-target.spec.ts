import { describe, expect, it } from '@jest/globals';
import type { OutlineNode } from '@kapitel/domain';
import { dropTarget, dropZoneAt, type DropZone } from './drop-target';
import { flattenOutline, outlineLinks } from './outline-tree';

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
//     b11
//   b2
// c
const tree = [
  node('a', null, 0),
  node('b', null, 1, [node('b1', 'b', 0, [node('b11', 'b1', 0)]), node('b2', 'b', 1)]),
  node('c', null, 2),
];
const rows = flattenOutline(tree);
const links = outlineLinks(rows);
const drop = (dragged: string, on: string, zone: DropZone, maxDepth?: number) => {
  const target = rows.find((row) => row.node.id === on);
  if (target === undefined) {
    throw new Error(`no row ${on}`);
  }
  return dropTarget(rows, links, dragged, target, zone, maxDepth);
};

describe('dropZoneAt()', () => {
  it('splits a row into a top quarter, a middle and a bottom quarter', () => {
    expect(dropZoneAt(5, 100)).toBe('before');
    expect(dropZoneAt(50, 100)).toBe('inside');
    expect(dropZoneAt(90, 100)).toBe('after');
    expect(dropZoneAt(0, 0)).toBe('inside');
  });
});

describe('dropTarget()', () => {
  it('places a section between siblings, counting positions without the dragged one', () => {
    expect(drop('a', 'c', 'after')).toEqual({ parentId: null, position: 2 });
    expect(drop('a', 'c', 'before')).toEqual({ parentId: null, position: 1 });
    expect(drop('c', 'a', 'before')).toEqual({ parentId: null, position: 0 });
    expect(drop('b2', 'b1', 'before')).toEqual({ parentId: 'b', position: 0 });
  });

  it('nests a section as the last child of the one it is dropped on', () => {
    expect(drop('a', 'b', 'inside')).toEqual({ parentId: 'b', position: 2 });
    expect(drop('c', 'b11', 'inside')).toEqual({ parentId: 'b11', position: 0 });
    expect(drop('b1', 'b', 'inside')).toEqual({ parentId: 'b', position: 1 });
    expect(drop('a', 'b11', 'after')).toEqual({ parentId: 'b1', position: 1 });
  });

  it('refuses drops that change nothing', () => {
    expect(drop('a', 'a', 'inside')).toBeNull();
    expect(drop('a', 'b', 'before')).toBeNull();
    expect(drop('b', 'a', 'after')).toBeNull();
    expect(drop('b2', 'b', 'inside')).toBeNull();
  });

  it('refuses a drop into the section itself or its sub-sections (a cycle)', () => {
    expect(drop('b', 'b1', 'inside')).toBeNull();
    expect(drop('b', 'b11', 'before')).toBeNull();
    expect(drop('b', 'b2', 'after')).toBeNull();
  });

  it('refuses a drop that makes the outline too deep', () => {
    expect(drop('b', 'c', 'inside', 3)).toBeNull();
    expect(drop('b', 'c', 'inside', 4)).toEqual({ parentId: 'c', position: 0 });
  });
});
