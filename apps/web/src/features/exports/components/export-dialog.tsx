import type { Dashboard, ExportMode } from '@kapitel/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { ErrorAlert, useT } from '../../../i18n';
import { Button } from '../../../ui';
import type { ExportJobState } from '../hooks/use-export-job';
import { finalExportBlock, isUnfinished } from '../utils/final-export';
import { ExportProgress } from './export-progress';

export interface ExportDialogProps {
  projectId: string;
  /** `abilities['export.final']` of the project. */
  canExportFinal: boolean;
  dashboard: Dashboard | undefined;
  exportJob: ExportJobState;
  onClose: () => void;
}

/**
 * A modal dialog (the browser's `<dialog>`: focus stays inside, Escape closes) to choose
 * draft or final, start the export and follow it to the download. Final is offered only
 * when it can work, and otherwise says why; it is the one chosen at first when it can. Closing returns the focus to the button that
 * opened it (the caller's part); an export keeps running when the dialog is closed.
 */
export function ExportDialog({
  projectId,
  canExportFinal,
  dashboard,
  exportJob,
  onClose,
}: ExportDialogProps) {
  const t = useT();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const { job, error, starting, start } = exportJob;
  const block = finalExportBlock(canExportFinal, dashboard);
  // Until one is chosen: the final version once it can be made (every section approved),
  // since that is what is wanted then; a draft otherwise.
  const [mode, setMode] = useState<ExportMode | null>(null);
  const chosen: ExportMode = block === null ? (mode ?? 'final') : 'draft';
  const running = job !== null && isUnfinished(job.status);

  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) {
      element.showModal();
    }
    return () => {
      element?.close();
    };
  }, []);

  // Closed before it goes: a modal dialog keeps everything outside it inert while open, so
  // the focus can only return to the opening button after this.
  const close = (): void => {
    dialog.current?.close();
    onClose();
  };

  const reason =
    block === null
      ? null
      : block === 'notApproved' && dashboard !== undefined
        ? t('exports.final.notApproved', { approved: dashboard.approved, total: dashboard.total })
        : t(`exports.final.${block}`);

  return (
    <dialog
      ref={dialog}
      className="dialog export-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <h2 id={`${id}-title`} className="export-dialog__title">
        {t('exports.dialog.title')}
      </h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!running && !starting) {
            void start(chosen);
          }
        }}
      >
        <fieldset className="export-dialog__modes" disabled={running}>
          <legend className="field__label">{t('exports.mode')}</legend>
          <div className="export-mode">
            <input
              id={`${id}-draft`}
              type="radio"
              name="mode"
              value="draft"
              checked={chosen === 'draft'}
              aria-describedby={`${id}-draft-hint`}
              onChange={() => {
                setMode('draft');
              }}
            />
            <label htmlFor={`${id}-draft`} className="export-mode__label">
              {t('exports.mode.draft')}
            </label>
            <p id={`${id}-draft-hint`} className="export-mode__hint">
              {t('exports.mode.draftHint')}
            </p>
          </div>
          <div className={`export-mode${block === null ? '' : ' export-mode--disabled'}`}>
            <input
              id={`${id}-final`}
              type="radio"
              name="mode"
              value="final"
              checked={chosen === 'final'}
              disabled={block !== null}
              aria-describedby={reason === null ? `${id}-final-hint` : `${id}-final-reason ${id}-final-hint`}
              onChange={() => {
                setMode('final');
              }}
            />
            <label htmlFor={`${id}-final`} className="export-mode__label">
              {t('exports.mode.final')}
            </label>
            <p id={`${id}-final-hint`} className="export-mode__hint">
              {t('exports.mode.finalHint')}
            </p>
            {reason === null ? null : (
              <p id={`${id}-final-reason`} className="export-mode__reason">
                {reason}
              </p>
            )}
          </div>
        </fieldset>
        <ErrorAlert error={error} />
        <div className="export-dialog__actions">
          <Button type="submit" busy={starting || running}>
            {job !== null && !running ? t('exports.again') : t('exports.start')}
          </Button>
          <Button variant="secondary" onClick={close}>
            {t('exports.close')}
          </Button>
        </div>
      </form>
      {job === null ? null : <ExportProgress projectId={projectId} job={job} />}
    </dialog>
  );
}
