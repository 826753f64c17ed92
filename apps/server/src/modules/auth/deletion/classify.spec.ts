import type { MembershipOfLeaver } from './account-deletion.repository.js';
import { classify } from './account-deletion.service.js';

const membership = (title: string, role: MembershipOfLeaver['role'], otherMembers: number, otherLeads: number): MembershipOfLeaver => ({
  projectId: `id-${title}`,
  title,
  role,
  otherMembers,
  otherLeads,
});

describe('classify(): what deleting an account does to each of its projects', () => {
  it('blocks on a project whose only lead it is while others are members', () => {
    expect(classify([membership('A', 'lead', 2, 0)])).toEqual({ blocking: [{ id: 'id-A', title: 'A' }], deletedWithAccount: [], left: [] });
  });

  it('deletes a project nobody else is in, and leaves one with another lead or in another role', () => {
    expect(
      classify([membership('Solo', 'lead', 0, 0), membership('Co', 'lead', 1, 1), membership('Mit', 'author', 3, 1)]),
    ).toEqual({
      blocking: [],
      deletedWithAccount: [{ id: 'id-Solo', title: 'Solo' }],
      left: [
        { id: 'id-Co', title: 'Co' },
        { id: 'id-Mit', title: 'Mit' },
      ],
    });
  });
});
