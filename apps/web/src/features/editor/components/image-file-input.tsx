import type { Ref } from 'react';
import { HiddenFileInput } from '../../../ui';
import { IMAGE_ACCEPT } from '../utils/image-sources';

/**
 * The hidden file picker for images; its button is elsewhere (the toolbar, the dialog's
 * "Andere Datei wählen"), which opens it with click().
 */
export function ImageFileInput({
  inputRef,
  onFile,
}: {
  inputRef: Ref<HTMLInputElement>;
  onFile: (file: File) => void;
}) {
  return <HiddenFileInput inputRef={inputRef} accept={IMAGE_ACCEPT} onFile={onFile} />;
}
