import type { ExportJob } from '@kapitel/domain';
import { useI18n } from '../../../i18n';
import { ResourceView } from '../../../lib/resource-view';
import type { Resource } from '../../../lib/use-resource';
import { Badge, DataTable, type BadgeTone } from '../../../ui';
import { exportFileUrl } from '../api/exports-api';
import { ExportOutcome } from './export-outcome';

const STATUS_TONE: Record<ExportJob['status'], BadgeTone> = {
  queued: 'neutral',
  running: 'info',
  done: 'success',
  failed: 'danger',
};

export interface ExportListProps {
  projectId: string;
  exports: Resource<ExportJob[]>;
  reload: () => void;
}

/** Earlier exports of the project: when, which kind, by whom, how large, their state and the file. */
export function ExportList({ projectId, exports, reload }: ExportListProps) {
  const { t, formatDateTime, formatBytes } = useI18n();
  return (
    <div className="export-list">
      <h3 className="export-list__title">{t('exports.list.title')}</h3>
      <ResourceView resource={exports} reload={reload} empty={t('exports.list.empty')}>
        {(jobs) => (
          <DataTable
            caption={t('exports.list.title')}
            columns={[
              t('exports.list.date'),
              t('exports.list.mode'),
              t('exports.list.by'),
              t('exports.list.size'),
              t('exports.list.status'),
              t('exports.list.file'),
            ]}
          >
            {jobs.map((job) => (
              <tr key={job.id}>
                <th scope="row">
                  <time dateTime={job.createdAt}>{formatDateTime(job.createdAt)}</time>
                </th>
                <td>
                  {t(`exports.mode.${job.mode}`)}
                  <ExportOutcome job={job} />
                </td>
                {/* The server names who asked, also when they have left the project since; null once the account is gone. */}
                <td>{job.createdByName ?? <span className="muted">{t('exports.list.byGone')}</span>}</td>
                <td>{job.size === null ? '–' : formatBytes(job.size)}</td>
                <td>
                  <Badge tone={STATUS_TONE[job.status]}>{t(`exports.status.${job.status}`)}</Badge>
                  {job.status === 'failed' && job.error !== null ? (
                    <span className="export-list__error">{job.error}</span>
                  ) : null}
                </td>
                <td>
                  {job.status === 'done' ? (
                    <a href={exportFileUrl(projectId, job.id)} download={job.filename ?? true}>
                      {t('exports.download')}
                      <span className="visually-hidden"> ({formatDateTime(job.createdAt)})</span>
                    </a>
                  ) : (
                    '–'
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </ResourceView>
    </div>
  );
}
