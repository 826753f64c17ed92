import { describe, expect, it } from '@jest/globals';
import type { Dashboard } from '@kapitel/domain';
import { finalExportBlock, isUnfinished } from './final-export';

const dashboard = (approved: number, total: number): Dashboard => ({
  total,
  approved,
  counts: { draft: total - approved, in_review: 0, changes_requested: 0, approved },
  progress: total === 0 ? 0 : approved / total,
  overdue: [],
  members: [],
});

describe('finalExportBlock()', () => {
  it('allows a final export to a lead when every section is approved', () => {
    expect(finalExportBlock(true, dashboard(3, 3))).toBeNull();
  });

  it('names why a final export is not possible', () => {
    expect(finalExportBlock(false, dashboard(3, 3))).toBe('forbidden');
    expect(finalExportBlock(true, undefined)).toBe('checking');
    expect(finalExportBlock(true, dashboard(0, 0))).toBe('empty');
    expect(finalExportBlock(true, dashboard(2, 3))).toBe('notApproved');
  });
});

describe('isUnfinished()', () => {
  it('is true while queued or running', () => {
    expect(isUnfinished('queued')).toBe(true);
    expect(isUnfinished('running')).toBe(true);
    expect(isUnfinished('done')).toBe(false);
    expect(isUnfinished('failed')).toBe(false);
  });
});
