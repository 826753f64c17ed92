import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../i18n';
import { useResource } from '../../../lib/use-resource';
import { Button, Card } from '../../../ui';
import { getDashboard } from '../../outline';
import { listExports } from '../api/exports-api';
import { useExportJob } from '../hooks/use-export-job';
import { ExportDialog } from './export-dialog';
import { ExportList } from './export-list';
import { OdtDownloads } from './odt-downloads';
import './exports.css';

export interface ExportPanelProps {
  projectId: string;
  /** `abilities['export.final']` of the project (the lead). */
  canExportFinal: boolean;
  /** Counts the outline changes announced by the server: the approvals are counted again. */
  liveChanges?: number;
  /** Counts the export changes announced by the server (any member's job queued, started, done or failed). */
  exportChanges?: number;
}

/** The report as PDF (a button that opens the export dialog, and the earlier exports) and as ODT. */
export function ExportPanel({ projectId, canExportFinal, liveChanges = 0, exportChanges = 0 }: ExportPanelProps) {
  const t = useT();
  const trigger = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const exports = useResource((signal) => listExports(projectId, { signal }), [projectId]);
  const dashboard = useResource((signal) => getDashboard(projectId, { signal }), [projectId]);
  const exportJob = useExportJob(projectId, exports.reload);
  const reloadDashboard = dashboard.reload;
  const reloadExports = exports.reload;

  const seenChanges = useRef(liveChanges);
  useEffect(() => {
    if (seenChanges.current !== liveChanges) {
      seenChanges.current = liveChanges;
      reloadDashboard();
    }
  }, [liveChanges, reloadDashboard]);

  const seenExportChanges = useRef(exportChanges);
  useEffect(() => {
    if (seenExportChanges.current !== exportChanges) {
      seenExportChanges.current = exportChanges;
      reloadExports();
    }
  }, [exportChanges, reloadExports]);

  return (
    <Card title={t('exports.title')} description={t('exports.intro')} className="export-card">
      <p>
        <Button
          ref={trigger}
          aria-haspopup="dialog"
          onClick={() => {
            reloadDashboard();
            setOpen(true);
          }}
        >
          {t('exports.open')}
        </Button>
      </p>
      {open ? (
        <ExportDialog
          projectId={projectId}
          canExportFinal={canExportFinal}
          dashboard={dashboard.resource.data}
          exportJob={exportJob}
          onClose={() => {
            setOpen(false);
            exports.reload();
            trigger.current?.focus();
          }}
        />
      ) : null}
      <ExportList projectId={projectId} exports={exports.resource} reload={exports.reload} />
      <OdtDownloads projectId={projectId} canExportFinal={canExportFinal} dashboard={dashboard.resource.data} />
    </Card>
  );
}
