import type { ExportJob } from '@kapitel/domain';
import { useId } from 'react';
import { useI18n } from '../../../i18n';
import { Alert, buttonClassName } from '../../../ui';
import { exportFileUrl } from '../api/exports-api';
import { ExportOutcomeNote } from './export-outcome';

/**
 * The export started in the dialog: its state in words (a polite live region that speaks
 * when the state changes, not at every step of the bar), a progress bar, and the download
 * when it is done or the reason when it failed.
 */
export function ExportProgress({ projectId, job }: { projectId: string; job: ExportJob }) {
  const { t, formatBytes } = useI18n();
  const id = useId();
  const percent = Math.round(job.progress * 100);
  return (
    <div className="export-progress">
      <p role="status" className="export-progress__status">
        {t(`exports.live.${job.status}`)}
      </p>
      {job.status === 'failed' ? (
        <Alert tone="error">
          <p>{t('exports.failedBecause', { error: job.error ?? t('error.UNKNOWN') })}</p>
        </Alert>
      ) : (
        <div className="export-progress__bar-row">
          <label htmlFor={id} className="export-progress__label">
            {t('exports.progress')}
          </label>
          <progress id={id} className="export-progress__bar" value={job.progress} max={1}>
            {t('exports.progressValue', { percent })}
          </progress>
          <span className="export-progress__value" aria-hidden="true">
            {t('exports.progressValue', { percent })}
          </span>
        </div>
      )}
      {job.status === 'done' ? <ExportOutcomeNote job={job} /> : null}
      {job.status === 'done' ? (
        <p>
          <a
            className={buttonClassName('primary')}
            href={exportFileUrl(projectId, job.id)}
            download={job.filename ?? true}
          >
            {job.size === null
              ? t('exports.download')
              : t('exports.downloadSize', { size: formatBytes(job.size) })}
          </a>
        </p>
      ) : null}
    </div>
  );
}
