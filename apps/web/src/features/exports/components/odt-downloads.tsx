import type { Dashboard } from '@kapitel/domain';
import { useId } from 'react';
import { useT } from '../../../i18n';
import { odtUrl } from '../api/exports-api';

export interface OdtDownloadsProps {
  projectId: string;
  /** `abilities['export.final']` of the project (the lead). */
  canExportFinal: boolean;
  /** The approvals: the final version is offered once every section is approved. */
  dashboard: Dashboard | undefined;
}

/**
 * The report as an editable OpenDocument text: plain links, since the file is made when it
 * is asked for (no job). The current text for every member; the final version for the lead
 * once every section is approved, as the PDF's final export.
 */
export function OdtDownloads({ projectId, canExportFinal, dashboard }: OdtDownloadsProps) {
  const t = useT();
  const headingId = useId();
  const allApproved =
    dashboard !== undefined && dashboard.total > 0 && dashboard.approved === dashboard.total;
  return (
    <section className="odt-downloads" aria-labelledby={headingId}>
      <h3 id={headingId} className="odt-downloads__title">
        {t('exports.odt.title')}
      </h3>
      <p className="odt-downloads__intro">{t('exports.odt.intro')}</p>
      <ul className="odt-downloads__links">
        <li>
          <a href={odtUrl(projectId, 'draft')} download>
            {t('exports.odt.draft')}
          </a>
        </li>
        {canExportFinal && allApproved ? (
          <li>
            <a href={odtUrl(projectId, 'final')} download>
              {t('exports.odt.final')}
            </a>
          </li>
        ) : null}
      </ul>
      {canExportFinal && !allApproved ? <p className="odt-downloads__intro">{t('exports.odt.finalLater')}</p> : null}
    </section>
  );
}
