import type { ExportJob } from '@kapitel/domain';
import { useT, type Translate } from '../../../i18n';
import { Alert } from '../../../ui';

/**
 * How many cross-references of a finished export have no target, and what the PDF printed for
 * them in its mode (a draft marks them, a final export prints only the remembered title); null
 * when none (or not known: unfinished jobs and exports from before this was recorded).
 */
function missingReferencesNote(t: Translate, job: ExportJob): string | null {
  const missing = job.missingReferences ?? 0;
  if (missing === 0) {
    return null;
  }
  return t(`exports.missingRefs.${job.mode}.${missing === 1 ? 'one' : 'other'}`, { count: missing });
}

/**
 * In the list: the PDF/A level of a final export, how many images lack alternative text, and the
 * cross-references without a target.
 */
export function ExportOutcome({ job }: { job: ExportJob }) {
  const t = useT();
  const missing = job.imagesWithoutAlt ?? 0;
  const references = missingReferencesNote(t, job);
  if (job.standard === null && missing === 0 && references === null) {
    return null;
  }
  return (
    <span className="export-list__outcome">
      {job.standard === null ? null : <span>{t(`exports.standard.${job.standard}`)}</span>}
      {missing === 0 ? null : (
        <span className="export-list__warning">
          {missing === 1
            ? t('exports.list.withoutAlt.one')
            : t('exports.list.withoutAlt.other', { count: missing })}
        </span>
      )}
      {references === null ? null : <span className="export-list__warning">{references}</span>}
    </span>
  );
}

/**
 * Below a finished export: what the final version became, and, when images lack alternative
 * text, how to make the PDF accessible (level A) and readable with a screen reader; when
 * cross-references lack a target, what the PDF printed for them and how to mend them.
 */
export function ExportOutcomeNote({ job }: { job: ExportJob }) {
  const t = useT();
  const missing = job.imagesWithoutAlt ?? 0;
  const references = missingReferencesNote(t, job);
  return (
    <>
      {job.standard === null ? null : (
        <p className="export-progress__standard">{t(`exports.standardHint.${job.standard}`)}</p>
      )}
      {missing === 0 ? null : (
        <Alert tone="info">
          <p>
            {missing === 1 ? t('exports.missingAlt.one') : t('exports.missingAlt.other', { count: missing })}
          </p>
        </Alert>
      )}
      {references === null ? null : (
        <Alert tone="info">
          <p>
            {references} {t('exports.missingRefs.fix')}
          </p>
        </Alert>
      )}
    </>
  );
}
