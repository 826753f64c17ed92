import type { Language, SectionVersion } from '@kapitel/domain';
import { useMemo } from 'react';
import { ErrorAlert, useI18n } from '../../../i18n';
import { useResource } from '../../../lib/use-resource';
import { SelectField } from '../../../ui';
import { getCurrentContent, getVersion } from '../api/versions-api';
import { diffBlocks } from '../utils/block-diff';
import { compareBlocks } from '../utils/compare-blocks';
import { versionTitle } from '../utils/version-label';
import { summaryText } from '../utils/compare-summary';
import { VersionCompare, type ComparedText } from './version-compare';

/**
 * What the dialog's version is compared with: '' nothing, 'current' the current text, else
 * the id of another version of the section (a plain string: ids are not known in advance).
 */
export type CompareTarget = string;

export interface CompareChoiceProps {
  version: SectionVersion;
  listed: readonly SectionVersion[];
  value: CompareTarget;
  onChange: (value: CompareTarget) => void;
}

/** "Vergleichen mit: nichts / dem aktuellen Text / „…“ vom …" for the version of the dialog. */
export function CompareChoice({ version, listed, value, onChange }: CompareChoiceProps) {
  const { t, formatDate, formatDateTime } = useI18n();
  const others = listed.filter((other) => other.id !== version.id);
  return (
    <div className="compare-choice">
      <SelectField
        label={t('versions.compare.with')}
        value={value}
        onChange={(event) => {
          onChange(event.currentTarget.value);
        }}
        options={[
          { value: '', label: t('versions.compare.none') },
          { value: 'current', label: t('versions.compare.current') },
          ...others.map((other) => ({
            value: other.id,
            label: t('versions.compare.version', {
              name: versionTitle(other, t, formatDate, listed),
              when: formatDateTime(other.createdAt),
            }),
          })),
        ]}
      />
    </div>
  );
}

export interface VersionComparisonProps {
  projectId: string;
  sectionId: string;
  /** The dialog's version and its loaded text. */
  version: SectionVersion;
  text: ComparedText;
  listed: readonly SectionVersion[];
  /** 'current' or the id of another version of the section. */
  target: CompareTarget;
  language: Language | undefined;
}

/**
 * The comparison of the dialog's version with the current text (loaded now, as stored:
 * what the editor shows once it says "saved") or with another version. Two versions are
 * compared from the older to the newer, so that "inserted" always means "came later".
 * Both texts come from routes every member may read, the same who may open the versions.
 */
export function VersionComparison({
  projectId,
  sectionId,
  version,
  text,
  listed,
  target,
  language,
}: VersionComparisonProps) {
  const { t, formatDate, formatDateTime } = useI18n();
  const loaded = useResource<{ content: ComparedText; other: SectionVersion | null }>(
    async (signal) =>
      target === 'current'
        ? { content: await getCurrentContent(projectId, sectionId, { signal }), other: null }
        : await getVersion(projectId, sectionId, target, { signal }).then((answer) => ({
            content: answer,
            other: answer.version,
          })),
    [projectId, sectionId, target],
  );
  // Right after another choice, for one render, the data is still the previous choice's.
  const data = loaded.resource.data;
  const ready = data !== undefined && (data.other === null ? target === 'current' : data.other.id === target);
  const compared = useMemo(() => {
    if (!ready || data === undefined) {
      return null;
    }
    const { other } = data;
    const otherIsOlder = other !== null && other.createdAt < version.createdAt;
    const before = otherIsOlder ? data.content : text;
    const after = otherIsOlder ? text : data.content;
    return {
      diff: diffBlocks(compareBlocks(before.json, before.text), compareBlocks(after.json, after.text)),
      order: other === null ? null : otherIsOlder ? ([other, version] as const) : ([version, other] as const),
    };
  }, [ready, data, text, version]);
  const name = (of: SectionVersion): string => versionTitle(of, t, formatDate, listed);
  const failed = loaded.resource.status === 'error';
  return (
    <>
      {compared === null ? null : (
        <p className="compare__heading">
          {compared.order === null
            ? t('versions.compare.sinceCurrent', { name: name(version) })
            : t('versions.compare.between', {
                before: name(compared.order[0]),
                beforeWhen: formatDateTime(compared.order[0].createdAt),
                after: name(compared.order[1]),
                afterWhen: formatDateTime(compared.order[1].createdAt),
              })}
        </p>
      )}
      {/* One live region from the start, so that the counts are announced when they arrive. */}
      <p role="status" className="compare__summary">
        {compared !== null ? summaryText(compared.diff.summary, t) : failed ? '' : t('app.loading')}
      </p>
      {failed ? <ErrorAlert error={loaded.resource.error} onRetry={loaded.reload} /> : null}
      {compared === null ? null : (
        <>
          <p className="compare__note">{t('versions.compare.formatting')}</p>
          {/* Scrolls on its own when long: focusable, so that keyboard users can scroll it too. */}
          <div
            className="version-document"
            role="region"
            aria-label={t('versions.compare.region')}
            tabIndex={0}
            lang={language}
          >
            <VersionCompare key={target} diff={compared.diff} />
          </div>
        </>
      )}
    </>
  );
}
