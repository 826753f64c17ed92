import type { PersonRef } from '@kapitel/domain';
import type { Translate } from '../../../i18n';

/** A comment's author or resolver by name; null is an account that was deleted (docs/accounts.md). */
export function personName(person: PersonRef | null, t: Translate): string {
  return person?.name ?? t('account.deletedName');
}
