import type { ExportJob } from '@kapitel/domain';
import { useT } from '../../../i18n';
import { Alert } from '../../../ui';

/** In the list: the PDF/A level of a final export and how many images lack alternative text. */
export function ExportOutcome({ job }: { job: ExportJob }) {
  const t = useT();
  const missing = job.imagesWithoutAlt ?? 0;
  if (job.standard === null && missing === 0) {
    return null;
  }
  return (
    <span className="export-list__outcome">
      {job.standard === null ? null : <span>{t(`exports.standard.${job.standard}`)}</span>}
      {missing === 0 ? null : (
        <span className="export-list__warning">
          {missing === 1 ? t('exports.list.withoutAlt.one') : t('exports.list.withoutAlt.other', { count: missing })}
        </span>
      )}
    </span>
  );
}

/**
 * Below a finished export: what the final version became, and, when images lack alternative
 * text, how to make the PDF accessible (level A) and readable with a screen reader.
 */
export function ExportOutcomeNote({ job }: { job: ExportJob }) {
  const t = useT();
  const missing = job.imagesWithoutAlt ?? 0;
  return (
    <>
      {job.standard === null ? null : <p className="export-progress__standard">{t(`exports.standardHint.${job.standard}`)}</p>}
      {missing === 0 ? null : (
        <Alert tone="info">
          <p>{missing === 1 ? t('exports.missingAlt.one') : t('exports.missingAlt.other', { count: missing })}</p>
        </Alert>
      )}
    </>
  );
}
