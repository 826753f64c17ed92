import { TABLE_CAPTION_MAX_LENGTH } from '@kapitel/editor';
import type { Editor } from '@tiptap/core';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n';
import { Alert, Button, TextField } from '../../../ui';
import { setTableCaption, tableAtSelection } from '../internal/table-captions';
import { EditorDialog } from './editor-dialog';
import './table-captions.css';

export interface TableCaptionDialogProps {
  editor: Editor;
  /** The dialog is done (applied, removed or cancelled). */
  onClose: () => void;
}

/**
 * "Tabellenbeschriftung": the optional one-line caption of the table the cursor is in, shown
 * above it in the editor and printed as "Tabelle N: …" in the PDF. An empty field (or
 * "Beschriftung entfernen") leaves the table without one.
 */
export function TableCaptionDialog({ editor, onClose }: TableCaptionDialogProps) {
  const { t } = useI18n();
  // Read once: the field is the writer's until they apply it (last writer wins, as everywhere).
  const [initial] = useState(() => tableAtSelection(editor)?.caption ?? '');
  const [caption, setCaption] = useState(initial);
  const [gone, setGone] = useState(false);

  const apply = (value: string): void => {
    if (setTableCaption(editor, value)) {
      onClose();
    } else {
      setGone(true);
    }
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    apply(caption);
  };

  return (
    <EditorDialog title={t('tables.dialog.title')} className="table-caption-dialog" editor={editor} onDismiss={onClose}>
      <form noValidate onSubmit={submit}>
        <TextField
          label={t('tables.dialog.field')}
          hint={t('tables.dialog.hint', { max: TABLE_CAPTION_MAX_LENGTH })}
          maxLength={TABLE_CAPTION_MAX_LENGTH}
          value={caption}
          onChange={(event) => {
            setCaption(event.target.value);
          }}
        />
        {gone ? (
          <Alert tone="error" live="alert">
            <p>{t('tables.dialog.gone')}</p>
          </Alert>
        ) : null}
        <div className="form-actions">
          <Button type="submit">{t('tables.dialog.apply')}</Button>
          {initial === '' ? null : (
            <Button
              variant="secondary"
              onClick={() => {
                apply('');
              }}
            >
              {t('tables.dialog.remove')}
            </Button>
          )}
          <Button variant="ghost" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </EditorDialog>
  );
}
