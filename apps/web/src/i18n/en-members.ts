import type { deMembers } from './de-members';

/** English messages of role changes that cost assignments, registered in dictionaries.ts. */
export const enMembers: Record<keyof typeof deMembers, string> = {
  'members.roleLoses.one': 'As {role}, {name} loses this assignment:',
  'members.roleLoses.other': 'As {role}, {name} loses these {count} assignments:',
  'members.losesWriting': 'writes “{section}”',
  'members.losesReviewing': 'reviews “{section}”',
  'members.roleLosesConfirm': 'Yes, change the role',
  'members.removeLoses.one': 'This also lifts the assignment:',
  'members.removeLoses.other': 'This also lifts these {count} assignments:',
  'members.roleChangedUnassigned.one': '{name} now has the role: {role}. 1 assignment is lifted.',
  'members.roleChangedUnassigned.other': '{name} now has the role: {role}. {count} assignments are lifted.',
};
