import type { Ref } from 'react';

export interface HiddenFileInputProps {
  inputRef: Ref<HTMLInputElement>;
  /** The file types the picker offers (the `accept` attribute). */
  accept: string;
  onFile: (file: File) => void;
}

/**
 * A hidden file picker whose button is elsewhere and opens it with click() (browsers open a
 * picker only inside a click): one file at a time, and the same file chosen again is a change too.
 */
export function HiddenFileInput({ inputRef, accept, onFile }: HiddenFileInputProps) {
  return (
    <input
      ref={inputRef}
      type="file"
      accept={accept}
      hidden
      onChange={(event) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (file !== undefined) {
          onFile(file);
        }
      }}
    />
  );
}
