import type { Language, SectionVersion } from '@kapitel/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { ErrorAlert, useI18n } from '../../../i18n';
import { useResource } from '../../../lib/use-resource';
import { Alert, Button, ConfirmButton, Loading } from '../../../ui';
import { getVersion, restoreVersion } from '../api/versions-api';
import { versionAuthor, versionTitle } from '../utils/version-label';
import type { VersionActions } from '../utils/version-permissions';
import { CompareChoice, VersionComparison, type CompareTarget } from './version-comparison';
import { VersionDocument } from './version-document';

export interface VersionDialogProps {
  projectId: string;
  sectionId: string;
  version: SectionVersion;
  /** The section's listed versions, which the title of a version kept before a restore may name. */
  listed: readonly SectionVersion[];
  /** The report's language, for the text's `lang`. */
  language: Language | undefined;
  actions: VersionActions;
  /** What the version is compared with when the dialog opens ('' shows it alone). */
  initialTarget?: CompareTarget;
  /** Closed without a change; the caller returns the focus to the opening button. */
  onClose: () => void;
  /** Restored: `saved` is the version the server stored of the text as it was before. */
  onRestored: (saved: SectionVersion) => void;
}

/**
 * A modal dialog (the browser's `<dialog>`: focus stays inside, Escape closes) with one
 * version's text, read-only, and, while the text may be edited now, "restore" behind an
 * in-place confirmation. The focus starts on the title, so the dialog is read from its name.
 * "Vergleichen mit" shows instead what changed since the version (or between two versions).
 */
export default function VersionDialog({
  projectId,
  sectionId,
  version,
  listed,
  language,
  actions,
  initialTarget = '',
  onClose,
  onRestored,
}: VersionDialogProps) {
  const { t, formatDate, formatDateTime } = useI18n();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const restoreArea = useRef<HTMLDivElement>(null);
  const [restoreError, setRestoreError] = useState<unknown>(null);
  const [target, setTarget] = useState<CompareTarget>(initialTarget);
  const content = useResource(
    (signal) => getVersion(projectId, sectionId, version.id, { signal }),
    [projectId, sectionId, version.id],
  );
  const loaded = content.resource.data;
  const name = versionTitle(version, t, formatDate, listed);

  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) {
      element.showModal();
      title.current?.focus();
    }
    return () => {
      element?.close();
    };
  }, []);

  // Closed before it goes: a modal dialog keeps everything outside inert while open, so the
  // focus can only return to the opening button after this.
  const close = (): void => {
    dialog.current?.close();
    onClose();
  };

  const restore = async (): Promise<void> => {
    setRestoreError(null);
    try {
      const saved = await restoreVersion(projectId, sectionId, version.id);
      dialog.current?.close();
      onRestored(saved);
    } catch (caught) {
      setRestoreError(caught);
      throw caught;
    }
  };

  return (
    <dialog
      ref={dialog}
      className="dialog version-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-meta`}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <h2 id={`${id}-title`} ref={title} tabIndex={-1} className="version-dialog__title">
        {t('versions.dialog.title', { name })}
      </h2>
      <p id={`${id}-meta`} className="version-dialog__meta">
        {version.createdByName === null
          ? t('versions.dialog.metaDeleted', { when: formatDateTime(version.createdAt) })
          : t('versions.dialog.meta', { who: versionAuthor(version, t), when: formatDateTime(version.createdAt) })}
      </p>
      <CompareChoice version={version} listed={listed} value={target} onChange={setTarget} />
      {content.resource.status === 'error' ? (
        <ErrorAlert error={content.resource.error} onRetry={content.reload} />
      ) : null}
      {loaded === undefined ? (
        content.resource.status === 'loading' ? (
          <Loading label={t('app.loading')} />
        ) : null
      ) : target !== '' ? (
        <VersionComparison
          projectId={projectId}
          sectionId={sectionId}
          version={version}
          text={loaded}
          listed={listed}
          target={target}
          language={language}
        />
      ) : (
        // Scrolls on its own when long: focusable, so that keyboard users can scroll it too.
        <div
          className="version-document"
          role="region"
          aria-label={t('versions.dialog.text')}
          tabIndex={0}
          lang={language}
        >
          <VersionDocument json={loaded.json} text={loaded.text} />
        </div>
      )}
      <ErrorAlert error={restoreError} />
      {actions.restoreBlockedBy === null ? null : (
        <Alert tone="info">{t(`versions.restoreBlocked.${actions.restoreBlockedBy}`)}</Alert>
      )}
      <div
        ref={restoreArea}
        className="version-dialog__actions"
        onKeyDown={(event) => {
          // Escape while "really restore?" is asked only cancels the question (ConfirmButton
          // handles it); the dialog stays open.
          if (event.key === 'Escape' && restoreArea.current?.querySelector('.confirm') !== null) {
            event.preventDefault();
            event.stopPropagation();
          }
        }}
      >
        {actions.restore && loaded !== undefined ? (
          <ConfirmButton
            size="medium"
            label={t('versions.restore')}
            question={t('versions.restore.question')}
            confirmLabel={t('versions.restore.confirm')}
            cancelLabel={t('common.cancel')}
            onConfirm={restore}
          />
        ) : null}
        <Button variant="secondary" onClick={close}>
          {t('versions.dialog.close')}
        </Button>
      </div>
    </dialog>
  );
}
