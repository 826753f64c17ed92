import type { Ref } from 'react';
import { IMAGE_ACCEPT } from '../utils/image-sources';

/**
 * The hidden file picker for images; its button is elsewhere (the toolbar, the dialog's
 * "Andere Datei wählen"), which opens it with click().
 */
export function ImageFileInput({
  inputRef,
  onFile,
  accept = IMAGE_ACCEPT,
}: {
  inputRef: Ref<HTMLInputElement>;
  onFile: (file: File) => void;
  /** The types offered: images, or the documents of "Dokument einfügen". */
  accept?: string;
}) {
  return (
    <input
      ref={inputRef}
      type="file"
      accept={accept}
      hidden
      onChange={(event) => {
        const file = event.target.files?.[0];
        // Cleared, so that choosing the same file again is a change too.
        event.target.value = '';
        if (file !== undefined) {
          onFile(file);
        }
      }}
    />
  );
}
