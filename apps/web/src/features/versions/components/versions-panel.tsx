import type { Language, SectionAbilities, SectionVersion } from '@kapitel/domain';
import { lazy, Suspense, useRef, useState } from 'react';
import { FailureBoundary, useI18n } from '../../../i18n';
import type { Resource } from '../../../lib/use-resource';
import { Alert, Card, Loading } from '../../../ui';
import type { ReadOnlyReason } from '../../editor';
import { versionTitle } from '../utils/version-label';
import { versionActions } from '../utils/version-permissions';
import { SaveVersionForm } from './save-version-form';
import { VersionList } from './version-list';
import './versions.css';

// Loaded when a version is first opened.
const VersionDialog = lazy(() => import('./version-dialog'));

export interface VersionsPanelProps {
  projectId: string;
  sectionId: string;
  /** The report's language, for the versions' text. */
  language: Language | undefined;
  /** The page's list of versions (reloaded on the project's events). */
  versions: Resource<SectionVersion[]>;
  reload: () => void;
  /** The section's abilities: `version.create` to save, `section.edit` (a writable editor) to restore. */
  abilities: Pick<SectionAbilities, 'section.edit' | 'version.create'>;
  /** Why the editor is read-only (readOnlyReason), null when it is writable. */
  readOnlyReason: ReadOnlyReason | null;
}

/**
 * Stored states of the section's text: everyone in the project sees them and can open one;
 * writers save the text under a label; while the text may be edited, a version can replace
 * it (the text before is kept as a version by the server). Results are announced politely.
 */
export function VersionsPanel({
  projectId,
  sectionId,
  language,
  versions,
  reload,
  abilities,
  readOnlyReason,
}: VersionsPanelProps) {
  const { t, formatDate } = useI18n();
  const actions = versionActions(abilities, readOnlyReason);
  const [open, setOpen] = useState<SectionVersion | null>(null);
  // Whether the open version was asked for compared with the current text.
  const [comparing, setComparing] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const trigger = useRef<HTMLButtonElement | null>(null);
  const list = useRef<HTMLDivElement>(null);

  // The opening button, or (if a reload removed its row meanwhile) the list's first one.
  const returnFocus = (): void => {
    const button = trigger.current;
    trigger.current = null;
    if (button?.isConnected === true) {
      button.focus();
    } else {
      list.current?.querySelector<HTMLButtonElement>('button[aria-haspopup="dialog"]')?.focus();
    }
  };

  return (
    <Card title={t('versions.title')} description={t('versions.intro')} className="versions-card">
      <div role="status" className="versions-card__status">
        {announcement === '' ? null : <Alert tone="success">{announcement}</Alert>}
      </div>
      {actions.save ? (
        <SaveVersionForm
          projectId={projectId}
          sectionId={sectionId}
          onSaved={(saved) => {
            setAnnouncement(t('versions.saved', { name: versionTitle(saved, t, formatDate) }));
            reload();
          }}
        />
      ) : null}
      <div ref={list}>
        <VersionList
          versions={versions}
          reload={reload}
          language={language}
          onOpen={(version, button) => {
            trigger.current = button;
            setAnnouncement('');
            setComparing(false);
            setOpen(version);
          }}
          onCompare={(version, button) => {
            trigger.current = button;
            setAnnouncement('');
            setComparing(true);
            setOpen(version);
          }}
        />
      </div>
      {open === null ? null : (
        <FailureBoundary resetKey={open}>
          <Suspense fallback={<Loading label={t('app.loading')} />}>
            <VersionDialog
              projectId={projectId}
              sectionId={sectionId}
              version={open}
              listed={versions.data ?? []}
              language={language}
              actions={actions}
              initialTarget={comparing ? 'current' : ''}
              onClose={() => {
                setOpen(null);
                returnFocus();
              }}
              onRestored={() => {
                setOpen(null);
                setAnnouncement(
                  t('versions.restored', { name: versionTitle(open, t, formatDate, versions.data) }),
                );
                reload();
                returnFocus();
              }}
            />
          </Suspense>
        </FailureBoundary>
      )}
    </Card>
  );
}
