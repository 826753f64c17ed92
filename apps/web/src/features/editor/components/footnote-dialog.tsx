import type { Editor } from '@tiptap/core';
import { FOOTNOTE_MAX_LENGTH } from '@kapitel/editor';
import { useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n';
import { Alert, Button, TextAreaField } from '../../../ui';
import { changeFootnote, insertFootnote, removeFootnote, type FootnoteRequest } from '../internal/footnotes';
import { EditorDialog } from './editor-dialog';

export interface FootnoteDialogProps {
  editor: Editor;
  request: FootnoteRequest;
  /** The dialog is done; `said` is what happened, for the page to announce (null: nothing). */
  onClose: (said: string | null) => void;
}

/**
 * Writes a footnote's text: a new one at the cursor, or one in the text (also deleting it).
 * The text is one line in the document; line breaks typed here become spaces.
 */
export function FootnoteDialog({ editor, request, onClose }: FootnoteDialogProps) {
  const { t } = useI18n();
  const editing = request.mode === 'edit' ? request : null;
  const [text, setText] = useState(editing?.text ?? '');
  const [missing, setMissing] = useState(false);
  const [gone, setGone] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (text.trim() === '') {
      setMissing(true);
      form.current?.querySelector('textarea')?.focus();
      return;
    }
    if (editing === null) {
      const number = insertFootnote(editor, text);
      onClose(number === null ? null : t('footnotes.inserted', { number }));
    } else if (changeFootnote(editor, editing, text)) {
      onClose(t('footnotes.changed', { number: editing.number }));
    } else {
      setGone(true);
    }
  };

  return (
    <EditorDialog
      title={editing === null ? t('footnotes.dialog.insertTitle') : t('footnotes.dialog.editTitle', { number: editing.number })}
      className="footnote-dialog"
      editor={editor}
      onDismiss={() => {
        onClose(null);
      }}
    >
      <form ref={form} noValidate onSubmit={submit}>
        <TextAreaField
          label={t('footnotes.dialog.text')}
          hint={t('footnotes.dialog.textHint', { max: FOOTNOTE_MAX_LENGTH })}
          error={missing ? t('footnotes.dialog.textRequired') : null}
          rows={4}
          maxLength={FOOTNOTE_MAX_LENGTH}
          required
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setMissing(false);
          }}
          // A note is one line: Enter takes it, as in a single-line field.
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              form.current?.requestSubmit();
            }
          }}
        />
        {gone ? (
          <Alert tone="error" live="alert">
            <p>{t('footnotes.dialog.gone')}</p>
          </Alert>
        ) : null}
        <div className="form-actions">
          <Button type="submit">{t(editing === null ? 'footnotes.dialog.insert' : 'footnotes.dialog.apply')}</Button>
          {editing === null ? null : (
            <Button
              variant="secondary"
              onClick={() => {
                if (removeFootnote(editor, editing)) {
                  onClose(t('footnotes.removed'));
                } else {
                  setGone(true);
                }
              }}
            >
              {t('footnotes.dialog.remove')}
            </Button>
          )}
          <Button
            variant="ghost"
            onClick={() => {
              onClose(null);
            }}
          >
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </EditorDialog>
  );
}
