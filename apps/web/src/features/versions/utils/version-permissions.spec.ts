import { describe, expect, it } from '@jest/globals';
import { versionActions } from './version-permissions';

const abilities = (edit: boolean, create: boolean) => ({ 'section.edit': edit, 'version.create': create });

describe('versionActions()', () => {
  it('lets a writer of an editable section save and restore', () => {
    expect(versionActions(abilities(true, true), null)).toEqual({
      save: true,
      restore: true,
      restoreBlockedBy: null,
    });
  });

  it('lets a writer save but not restore while the section is in review or approved, and says why', () => {
    expect(versionActions(abilities(false, true), 'in_review')).toEqual({
      save: true,
      restore: false,
      restoreBlockedBy: 'in_review',
    });
    expect(versionActions(abilities(false, true), 'approved')).toEqual({
      save: true,
      restore: false,
      restoreBlockedBy: 'approved',
    });
  });

  it('offers neither to those the server gives neither ability, and explains nothing to them', () => {
    for (const reason of ['role', 'notAssigned', 'in_review', 'other'] as const) {
      expect(versionActions(abilities(false, false), reason)).toEqual({
        save: false,
        restore: false,
        restoreBlockedBy: null,
      });
    }
  });

  it('follows the abilities, not the reason, when both say different things', () => {
    expect(versionActions(abilities(false, true), 'other')).toEqual({
      save: true,
      restore: false,
      restoreBlockedBy: null,
    });
  });
});
