import { IMAGE_CAPTION_MAX_LENGTH } from '@kapitel/editor';
import type { Editor } from '@tiptap/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n';
import { isAbortError } from '../../../lib/api';
import { Alert, Button, CheckboxField, TextAreaField, TextField } from '../../../ui';
import type { AltRequest, ImageUploads } from '../internal/image-uploads';
import { uploadErrorText } from '../utils/upload-error';
import { EditorDialog } from './editor-dialog';
import { ImageFileInput } from './image-file-input';

export interface AltTextDialogProps {
  editor: Editor;
  images: ImageUploads;
  request: AltRequest;
}

/** A preview of the file about to be uploaded (the CSP allows blob: images of our own page). */
function usePreview(file: File | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (file === null) {
      return;
    }
    const created = URL.createObjectURL(file);
    setUrl(created);
    return () => {
      URL.revokeObjectURL(created);
      setUrl(null);
    };
  }, [file]);
  return url;
}

/**
 * Asks for an image's alternative text and its optional caption: before a chosen file is
 * uploaded and inserted, or for an image in the text. The text is required unless the image
 * is marked decorative (stored as alt=""); the caption is independent of both (a decorative
 * image may still be a numbered figure). While the file goes up, the dialog says so; when
 * the server refuses it, the dialog says why and offers another file.
 */
export function AltTextDialog({ editor, images, request }: AltTextDialogProps) {
  const { t, formatBytes } = useI18n();
  const inserting = request.mode === 'insert';
  const file = inserting ? request.file : null;
  const preview = usePreview(file);
  const [showPreview, setShowPreview] = useState(true);
  useEffect(() => {
    setShowPreview(true);
  }, [preview]);
  const initialAlt = request.mode === 'edit' ? request.alt : null;
  const [alt, setAlt] = useState(initialAlt ?? '');
  const [decorative, setDecorative] = useState(initialAlt === '');
  const [caption, setCaption] = useState(request.mode === 'edit' ? request.caption : '');
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const otherFile = useRef<HTMLInputElement>(null);
  const upload = useRef<AbortController | null>(null);

  // Cancelled or gone: an upload still running is of no use to anyone.
  useEffect(() => () => upload.current?.abort(), []);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (uploading) {
      return;
    }
    // One line in the document: line breaks typed into the field become spaces.
    const text = decorative ? '' : alt.replace(/\s+/g, ' ').trim();
    const description = { alt: text, caption: caption.replace(/\s+/g, ' ').trim() };
    if (!decorative && text === '') {
      setMissing(true);
      form.current?.querySelector('textarea')?.focus();
      return;
    }
    setMissing(false);
    setFailure(null);
    if (request.mode === 'edit') {
      if (!images.applyDescription(request, description)) {
        setFailure(t('images.dialog.gone'));
      }
      return;
    }
    const controller = new AbortController();
    upload.current = controller;
    setUploading(true);
    try {
      await images.insertChosen(request.file, description, controller.signal);
    } catch (error) {
      if (!isAbortError(error)) {
        setFailure(uploadErrorText(t, error));
        setUploading(false);
      }
    }
  };

  return (
    <EditorDialog
      title={t(inserting ? 'images.dialog.insertTitle' : 'images.dialog.editTitle')}
      className="alt-text-dialog"
      editor={editor}
      onDismiss={() => {
        images.closeDialog();
      }}
    >
      <form ref={form} noValidate onSubmit={(event) => void submit(event)}>
        <div className="alt-text-dialog__image">
          {/* The image the text describes; the words are in the field, so the preview itself is decorative. */}
          {file === null && request.mode === 'edit' ? <img src={request.src} alt="" /> : null}
          {preview === null || !showPreview ? null : (
            <img
              src={preview}
              alt=""
              // A file that is no image (refused on upload) has nothing to show.
              onError={() => {
                setShowPreview(false);
              }}
            />
          )}
          {file === null ? null : (
            <p className="alt-text-dialog__file">{t('images.dialog.file', { name: file.name, size: formatBytes(file.size) })}</p>
          )}
        </div>
        <TextAreaField
          label={t('images.dialog.alt')}
          hint={t('images.dialog.altHint')}
          error={missing ? t('images.dialog.altRequired') : null}
          rows={3}
          value={alt}
          disabled={decorative}
          required={!decorative}
          onChange={(event) => {
            setAlt(event.target.value);
          }}
        />
        <CheckboxField
          label={t('images.dialog.decorative')}
          hint={t('images.dialog.decorativeHint')}
          checked={decorative}
          onChange={(event) => {
            setDecorative(event.target.checked);
            setMissing(false);
          }}
        />
        <TextField
          label={t('captions.field')}
          hint={t('captions.fieldHint', { max: IMAGE_CAPTION_MAX_LENGTH })}
          maxLength={IMAGE_CAPTION_MAX_LENGTH}
          value={caption}
          onChange={(event) => {
            setCaption(event.target.value);
          }}
        />
        <div role="status" className="alt-text-dialog__status">
          {uploading ? t('images.dialog.uploading') : null}
        </div>
        {failure === null ? null : (
          <Alert tone="error" live="alert">
            <p>{failure}</p>
          </Alert>
        )}
        <div className="form-actions">
          <Button type="submit" busy={uploading}>
            {t(inserting ? 'images.dialog.upload' : 'images.dialog.apply')}
          </Button>
          {inserting && failure !== null ? (
            <Button
              variant="secondary"
              onClick={() => {
                otherFile.current?.click();
              }}
            >
              {t('images.dialog.otherFile')}
            </Button>
          ) : null}
          <Button
            variant="ghost"
            onClick={() => {
              images.closeDialog();
            }}
          >
            {t('common.cancel')}
          </Button>
        </div>
        {inserting ? (
          <ImageFileInput
            inputRef={otherFile}
            onFile={(chosen) => {
              setFailure(null);
              images.chooseFile(chosen);
              // Its button goes with the failure: the focus moves on to what comes next.
              form.current?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
            }}
          />
        ) : null}
      </form>
    </EditorDialog>
  );
}
