import type { Translate } from '../../../i18n';
import type { RestoredVersion, SectionVersion } from '@kapitel/domain';

/** What a version is titled by: a version of the list, or the restored one it names. */
type Titled = Pick<SectionVersion, 'kind' | 'label' | 'createdAt'> &
  Partial<Pick<SectionVersion, 'restoredFrom'>>;

/**
 * The name a version is listed under: its label, or for an approval "Freigabe vom <date>"
 * (the server stores approvals without a label). The version kept before a restore has no
 * label either: it is named after the restored version, titled here in the reader's
 * language and time zone like that version in the list. `formatDate` is the i18n date
 * formatter; `listed` the section's versions, where the restored one is looked up.
 */
export function versionTitle(
  version: Titled,
  t: Translate,
  formatDate: (iso: string) => string,
  listed: readonly SectionVersion[] = [],
): string {
  if (version.restoredFrom) {
    return t('versions.beforeRestore', {
      name: versionTitle(restoredOf(version.restoredFrom, listed), t, formatDate, listed),
    });
  }
  if (version.kind === 'approval') {
    const approval = t('versions.approvalOf', { date: formatDate(version.createdAt) });
    return version.label === null || version.label.trim() === '' ? approval : `${approval}: ${version.label}`;
  }
  return version.label === null || version.label.trim() === '' ? t('versions.unnamed') : version.label;
}

/**
 * The restored version as listed, when it is: if it was itself kept before a restore (a
 * restore undone), only the listed one knows what it names in turn. The chain ends: a
 * version can only name one that existed before it, and the reference never changes.
 */
function restoredOf(restored: RestoredVersion, listed: readonly SectionVersion[]): Titled {
  return listed.find((other) => other.id === restored.id) ?? restored;
}

/** Who stored a version, or that the account is gone. */
export function versionAuthor(version: Pick<SectionVersion, 'createdByName'>, t: Translate): string {
  // Null only once the account is deleted (created_by is set null then; docs/accounts.md).
  return version.createdByName ?? t('account.deletedName');
}
