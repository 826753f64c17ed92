import { describe, expect, it } from '@jest/globals';
import type { OutlineNode } from '@kapitel/domain';
import { myOutline } from './my-sections';

const ME = 'me';

function node(id: string, changes: Partial<OutlineNode> = {}, children: OutlineNode[] = []): OutlineNode {
  return {
    id,
    projectId: 'p',
    parentId: null,
    position: 0,
    number: id,
    title: id,
    numbered: true,
    state: 'draft',
    assigneeIds: [],
    reviewerId: null,
    dueDate: null,
    targetWords: null,
    noObjections: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...changes,
    children,
  };
}

const ids = (nodes: readonly OutlineNode[]): unknown[] =>
  nodes.map((n) => (n.children.length === 0 ? n.id : [n.id, ids(n.children)]));

describe('myOutline()', () => {
  it('keeps my sections and, as context, the sections above them', () => {
    const tree = [
      node('1', {}, [node('1.1'), node('1.2', {}, [node('1.2.1', { assigneeIds: [ME] })])]),
      node('2', { assigneeIds: ['other', ME] }, [node('2.1')]),
      node('3', {}, [node('3.1')]),
    ];
    const result = myOutline(tree, ME);
    expect(ids(result.nodes)).toEqual([['1', [['1.2', ['1.2.1']]]], '2']);
    expect([...result.context].sort()).toEqual(['1', '1.2']);
    expect(result.mine).toBe(2);
  });

  it('counts a section I review only while it is in review', () => {
    const tree = [
      node('1', { reviewerId: ME, state: 'in_review' }),
      node('2', { reviewerId: ME, state: 'approved' }),
    ];
    expect(ids(myOutline(tree, ME).nodes)).toEqual(['1']);
  });

  it('leaves nothing when nothing is mine', () => {
    expect(myOutline([node('1', {}, [node('1.1')])], ME)).toEqual({ nodes: [], context: new Set(), mine: 0 });
  });
});
