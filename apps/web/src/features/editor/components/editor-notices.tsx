import type { Role } from '@kapitel/domain';
import type { Editor } from '@tiptap/core';
import { Link } from 'react-router';
import { useT } from '../../../i18n';
import { Alert, Button } from '../../../ui';
import { TRASH_ANCHOR } from '../../outline';
import { CLOSED } from '../internal/close-codes';
import type { CollabState } from '../internal/collab-session';
import type { ReadOnlyReason } from '../utils/read-only-reason';
import { endedMessage } from '../utils/status';
import { CopyTextButton } from './copy-text-button';

export interface EditorNoticesProps {
  state: CollabState;
  canEdit: boolean;
  readOnlyReason: ReadOnlyReason | null;
  role: Role | undefined;
  projectId: string;
  editor: Editor;
  /** Starts over from the stored document (dropping what the server refused). */
  onStartOver: () => void;
  /** Tries the connection again after the access ended. */
  onReconnect: () => void;
}

/** Whether EditorNotices shows a notice (the text is then described by it). */
export function hasNotice(state: CollabState, readOnlyReason: ReadOnlyReason | null): boolean {
  return state.connection === 'ended' || readOnlyReason !== null;
}

/**
 * Why the text cannot be edited, and what became of the last edits: after the end of the
 * connection (trash, access ended, signed out, limits), or while read-only. Edits the server
 * could not store are never dropped in silence: they are said to be unsaved, stay in the
 * read-only text and can be copied. Rendered inside the editor's polite live region.
 */
export function EditorNotices({
  state,
  canEdit,
  readOnlyReason,
  role,
  projectId,
  editor,
  onStartOver,
  onReconnect,
}: EditorNoticesProps) {
  const t = useT();
  if (state.connection === 'ended') {
    const code = state.endedWith;
    const trashed = code === CLOSED.gone;
    // Access ended, signed out or in the trash: a new connection would be refused too.
    const canStartOver = code !== CLOSED.forbidden && code !== CLOSED.sessionEnded && !trashed;
    const actions = state.unsaved || code === CLOSED.forbidden || code === CLOSED.sessionEnded || canStartOver;
    return (
      <Alert tone={trashed && !state.unsaved ? 'info' : 'error'}>
        <p>{t(endedMessage(code, state.unsaved))}</p>
        {trashed ? (
          <>
            {role === 'lead' ? (
              <p>
                {t('editor.ended.trashedLead')}{' '}
                <Link to={`/projects/${encodeURIComponent(projectId)}#${TRASH_ANCHOR}`}>{t('editor.ended.toProject')}</Link>
              </p>
            ) : null}
            <p>{t('editor.ended.trashedBack')}</p>
            {state.unsaved ? <p>{t('editor.ended.unsavedHere')}</p> : null}
          </>
        ) : null}
        {code === CLOSED.forbidden && state.retry === 'refused' ? <p>{t('editor.reconnectRefused')}</p> : null}
        {actions ? (
          <div className="form-actions">
            {state.unsaved ? <CopyTextButton editor={editor} /> : null}
            {code === CLOSED.forbidden ? (
              <Button variant="secondary" size="small" busy={state.retry === 'trying'} onClick={onReconnect}>
                {t('editor.reconnect')}
              </Button>
            ) : null}
            {code === CLOSED.sessionEnded ? <Link to="/login">{t('editor.signInAgain')}</Link> : null}
            {canStartOver ? (
              <Button variant="secondary" size="small" onClick={onStartOver}>
                {t('editor.loadStored')}
              </Button>
            ) : null}
          </div>
        ) : null}
      </Alert>
    );
  }
  return (
    <>
      {readOnlyReason === null ? null : (
        <Alert tone="info">
          <p>
            {readOnlyReason === 'role'
              ? t('editor.readOnly.role', { role: role === undefined ? '' : t(`role.${role}`) })
              : t(`editor.readOnly.${readOnlyReason}`)}
          </p>
        </Alert>
      )}
      {/* Edits made just before the section became read-only: the server refuses them. */}
      {!canEdit && state.unsaved ? (
        <Alert tone="error">
          <p>{t(`editor.notSaved.${readOnlyReason ?? 'other'}`)}</p>
          <div className="form-actions">
            <CopyTextButton editor={editor} />
            <Button variant="secondary" size="small" onClick={onStartOver}>
              {t('editor.loadStored')}
            </Button>
          </div>
        </Alert>
      ) : null}
    </>
  );
}
