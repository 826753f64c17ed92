import type { Project } from '@kapitel/domain';
import { useId, useRef, useState } from 'react';
import { useT } from '../../../i18n';
import { Alert, Button, Card } from '../../../ui';
import { ReportSettingsForm } from './report-settings-form';
import './report-settings.css';

export interface ReportSettingsPanelProps {
  project: Project;
  /** The saved project, for the page to show (header, facts) without waiting for a reload. */
  onSaved: (project: Project) => void;
}

/**
 * A collapsible card for leads with the report's settings. The form is mounted only while
 * open, so it always starts from the project as it is now (others may have changed it).
 * The live region stays mounted, so that "saved" is announced.
 */
export function ReportSettingsPanel({ project, onSaved }: ReportSettingsPanelProps) {
  const t = useT();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const toggle = useRef<HTMLButtonElement>(null);

  return (
    <Card title={t('settings.title')} className="report-settings">
      <div className="report-settings__bar">
        <p className="report-settings__description">{t('settings.description')}</p>
        <Button
          ref={toggle}
          variant="secondary"
          size="small"
          className="report-settings__toggle"
          aria-expanded={open}
          aria-controls={open ? formId : undefined}
          onClick={() => {
            setAnnouncement('');
            setOpen(!open);
          }}
        >
          {open ? t('settings.close') : t('settings.open')}
          <span className="report-settings__chevron" aria-hidden="true" />
        </Button>
      </div>
      <div role="status">{announcement === '' ? null : <Alert tone="success">{announcement}</Alert>}</div>
      {open ? (
        <div
          id={formId}
          onKeyDown={(event) => {
            // Escape closes the panel as it would a dialog, back to the button that opened it.
            if (event.key === 'Escape' && !event.defaultPrevented) {
              setOpen(false);
              toggle.current?.focus();
            }
          }}
        >
          <ReportSettingsForm
            project={project}
            onSaved={(saved) => {
              setAnnouncement(t('settings.saved'));
              onSaved(saved);
            }}
          />
        </div>
      ) : null}
    </Card>
  );
}
