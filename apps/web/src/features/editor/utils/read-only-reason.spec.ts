import { describe, expect, it } from '@jest/globals';
import { readOnlyReason } from './read-only-reason';

const ME = 'user-1';

describe('readOnlyReason()', () => {
  it('gives no reason when the server allows editing', () => {
    expect(readOnlyReason(true, { state: 'approved', assigneeIds: [] }, 'reviewer', ME)).toBeNull();
  });

  it('names the role first for reviewers and readers, whatever the state', () => {
    expect(readOnlyReason(false, { state: 'in_review', assigneeIds: [ME] }, 'reviewer', ME)).toBe('role');
    expect(readOnlyReason(false, { state: 'draft', assigneeIds: [] }, 'reader', ME)).toBe('role');
  });

  it('names the missing assignment for an author who is not assigned', () => {
    expect(readOnlyReason(false, { state: 'draft', assigneeIds: ['someone-else'] }, 'author', ME)).toBe('notAssigned');
  });

  it('names the review state for assignees and leads', () => {
    expect(readOnlyReason(false, { state: 'in_review', assigneeIds: [ME] }, 'author', ME)).toBe('in_review');
    expect(readOnlyReason(false, { state: 'approved', assigneeIds: [] }, 'lead', ME)).toBe('approved');
  });

  it('falls back to a general reason when the facts do not explain it', () => {
    expect(readOnlyReason(false, { state: 'draft', assigneeIds: [] }, 'lead', ME)).toBe('other');
    expect(readOnlyReason(false, { state: 'draft', assigneeIds: [] }, undefined, undefined)).toBe('other');
  });
});
