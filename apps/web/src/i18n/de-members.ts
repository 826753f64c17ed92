/** German messages of role changes that cost assignments, registered in dictionaries.ts. */
export const deMembers = {
  'members.roleLoses.one': 'Als {role} verliert {name} diese Zuweisung:',
  'members.roleLoses.other': 'Als {role} verliert {name} diese {count} Zuweisungen:',
  'members.losesWriting': 'schreibt „{section}“',
  'members.losesReviewing': 'prüft „{section}“',
  'members.roleLosesConfirm': 'Ja, Rolle ändern',
  'members.removeLoses.one': 'Dabei wird diese Zuweisung aufgehoben:',
  'members.removeLoses.other': 'Dabei werden diese {count} Zuweisungen aufgehoben:',
  'members.roleChangedUnassigned.one': 'Die Rolle von {name} ist jetzt: {role}. 1 Zuweisung ist aufgehoben.',
  'members.roleChangedUnassigned.other':
    'Die Rolle von {name} ist jetzt: {role}. {count} Zuweisungen sind aufgehoben.',
} as const;
