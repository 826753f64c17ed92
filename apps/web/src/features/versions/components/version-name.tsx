import type { Language, SectionVersion } from '@kapitel/domain';
import { useI18n } from '../../../i18n';
import { versionTitle } from '../utils/version-label';

export interface VersionNameProps {
  version: SectionVersion;
  listed: readonly SectionVersion[];
  /** The report's language: a label is the authors' text, read in it. */
  language: Language | undefined;
}

/**
 * A version's name as `versionTitle` words it, with the label the authors gave marked in the
 * report's language, so that a screen reader in the other language pronounces it right.
 */
export function VersionName({ version, listed, language }: VersionNameProps) {
  const { t, formatDate } = useI18n();
  const label = version.label !== null && version.label.trim() !== '' ? version.label : null;
  if (label === null || version.restoredFrom) {
    return <>{versionTitle(version, t, formatDate, listed)}</>;
  }
  if (version.kind === 'approval') {
    return (
      <>
        {t('versions.approvalOf', { date: formatDate(version.createdAt) })}: <span lang={language}>{label}</span>
      </>
    );
  }
  return <span lang={language}>{label}</span>;
}
