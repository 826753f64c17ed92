import type { Editor } from '@tiptap/core';
import { useEffect, useSyncExternalStore } from 'react';
import { useT, type Translate } from '../../../i18n';
import { Alert, Button, HiddenFileInput } from '../../../ui';
import type { ImageNotice, ImageUploads } from '../internal/image-uploads';
import { DOCUMENT_ACCEPT } from '../import/accept';
import { uploadErrorText } from '../utils/upload-error';
import { AltTextDialog } from './alt-text-dialog';
import { ImageFileInput } from './image-file-input';
import './images.css';

export interface ImageControlsProps {
  editor: Editor;
  images: ImageUploads;
  /** The text can be edited now; otherwise the dialog closes. */
  editable: boolean;
}

/** How long a plain success notice stays; long enough to read it twice. */
const SUCCESS_NOTICE_MS = 8000;

function noticeText(t: Translate, notice: ImageNotice): string {
  switch (notice.kind) {
    case 'inserted':
      return t('images.inserted');
    case 'altSaved':
      return t('images.altSaved');
    case 'readOnly':
      return t('images.readOnlyNow');
    case 'missingAlt':
      return notice.count === 1
        ? t('images.insertedMissingAlt')
        : t('images.insertedManyMissingAlt', { count: notice.count });
    case 'leftOut':
      return notice.count === 1 ? t('images.leftOutOne') : t('images.leftOutMany', { count: notice.count });
    case 'documentInserted':
      return t('import.inserted');
    case 'documentLeftOut':
      return notice.count === 1 ? t('import.leftOutOne') : t('import.leftOutMany', { count: notice.count });
    case 'documentFailed':
      return t(`import.failed.${notice.failure}`, { name: notice.name });
    case 'failed': {
      const reason = uploadErrorText(t, notice.error);
      return notice.name === null
        ? t('images.failedPasted', { reason })
        : t('images.failedFile', { name: notice.name, reason });
    }
  }
}

/**
 * What images need beside the toolbar: the file picker the toolbar opens, the dialog for
 * the alternative text and caption, and a polite live region for uploads and what became of them
 * (always there, so that screen readers hear each change). Also for those who only read:
 * it words the mark on images that lack their alternative text, and names captions.
 */
export function ImageControls({ editor, images, editable }: ImageControlsProps) {
  const t = useT();
  const state = useSyncExternalStore(images.subscribe, images.getState);

  useEffect(() => {
    images.setLabels({ missingAlt: t('images.missingAlt'), caption: t('captions.name') });
  }, [images, t]);

  useEffect(() => {
    if (!editable) {
      images.closeDialog();
    }
  }, [images, editable]);

  // A plain success ("Bild eingefügt.") has been announced and asks for nothing: it goes by
  // itself instead of pushing the text down until closed. Notices that ask for something stay.
  const passing = state.notices.filter(
    (notice) =>
      notice.kind === 'inserted' || notice.kind === 'altSaved' || notice.kind === 'documentInserted',
  );
  const passingIds = passing.map((notice) => notice.id).join(' ');
  useEffect(() => {
    if (passingIds === '') {
      return;
    }
    const timer = setTimeout(() => {
      for (const id of passingIds.split(' ')) {
        images.dismiss(Number(id));
      }
    }, SUCCESS_NOTICE_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [images, passingIds]);

  return (
    <>
      <ImageFileInput
        inputRef={(input) => {
          images.setFileInput(input);
        }}
        onFile={(file) => {
          images.chooseFile(file);
        }}
      />
      <HiddenFileInput
        accept={DOCUMENT_ACCEPT}
        inputRef={(input) => {
          images.setFileInput(input, 'document');
        }}
        onFile={(file) => {
          void images.insertDocument(file);
        }}
      />
      <div role="status" className="image-notices">
        {state.readingDocument ? <p className="image-notices__uploading">{t('import.reading')}</p> : null}
        {state.uploading === 0 ? null : (
          <p className="image-notices__uploading">
            {state.uploading === 1
              ? t('images.uploading')
              : t('images.uploadingMany', { count: state.uploading })}
          </p>
        )}
        {state.notices.map((notice) => (
          <Alert
            key={notice.id}
            tone={
              notice.kind === 'failed' || notice.kind === 'readOnly' || notice.kind === 'documentFailed'
                ? 'error'
                : 'info'
            }
          >
            <div className="image-notices__notice">
              <p id={`image-notice-${String(notice.id)}`}>{noticeText(t, notice)}</p>
              <Button
                variant="ghost"
                size="small"
                // Several notices may stand together: each button says which one it closes.
                aria-describedby={`image-notice-${String(notice.id)}`}
                onClick={() => {
                  images.dismiss(notice.id);
                }}
              >
                {t('images.dismiss')}
              </Button>
            </div>
          </Alert>
        ))}
      </div>
      {state.dialog !== null && editable ? (
        <AltTextDialog editor={editor} images={images} request={state.dialog} />
      ) : null}
    </>
  );
}
