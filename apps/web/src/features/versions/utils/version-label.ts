import type { Translate } from '../../../i18n';
import type { SectionVersion } from '@kapitel/domain';

/**
 * The name a version is listed under: its label, or for an approval "Freigabe vom <date>"
 * (the server stores approvals without a label). `formatDate` is the i18n date formatter.
 */
export function versionTitle(
  version: Pick<SectionVersion, 'kind' | 'label' | 'createdAt'>,
  t: Translate,
  formatDate: (iso: string) => string,
): string {
  if (version.kind === 'approval') {
    const approval = t('versions.approvalOf', { date: formatDate(version.createdAt) });
    return version.label === null || version.label.trim() === '' ? approval : `${approval}: ${version.label}`;
  }
  return version.label === null || version.label.trim() === '' ? t('versions.unnamed') : version.label;
}

/** Who stored a version, or that the account is gone. */
export function versionAuthor(version: Pick<SectionVersion, 'createdByName'>, t: Translate): string {
  return version.createdByName ?? t('versions.unknownAuthor');
}
