import { IMAGE_CONTENT_TYPES, isImageContentType, type ImageContentType } from '@kapitel/domain';

/** Where the text is written: our origin and the project whose images a text may show. */
export interface ImagePlace {
  origin: string;
  projectId: string;
}

/** What to do with one image of pasted content. */
export type PastedImageSource =
  /** An image of this project: kept, under its path on our origin. */
  | { kind: 'keep'; src: string }
  /** Bytes inside the content (a `data:` URL, as office programs paste them): uploaded. */
  | { kind: 'data'; contentType: ImageContentType; bytes: Uint8Array<ArrayBuffer> }
  /** An image of another project on our own server (copied from there): read and uploaded here. */
  | { kind: 'copy'; src: string }
  /** Anything else, above all other hosts: the CSP blocks them and Kapitel calls nobody. Left out. */
  | { kind: 'leave' };

const IMAGE_PATH = /^\/api\/projects\/([0-9a-f-]{36})\/images\/[0-9a-f-]{36}$/i;
const DATA_URL = /^data:([^;,]+)((?:;[^;,]*)*),(.*)$/s;

/** Decides what becomes of a pasted image with this `src` (as written in the pasted HTML). */
export function classifyImageSource(src: string | null, place: ImagePlace): PastedImageSource {
  const value = (src ?? '').trim();
  if (value.toLowerCase().startsWith('data:')) {
    return fromDataUrl(value);
  }
  let url: URL;
  try {
    url = new URL(value, `${place.origin}/`);
  } catch {
    return { kind: 'leave' };
  }
  const path = IMAGE_PATH.exec(url.pathname);
  if (value === '' || url.origin !== place.origin || path === null || url.search !== '' || url.hash !== '') {
    return { kind: 'leave' };
  }
  return path[1]?.toLowerCase() === place.projectId.toLowerCase()
    ? { kind: 'keep', src: url.pathname }
    : { kind: 'copy', src: url.pathname };
}

function fromDataUrl(value: string): PastedImageSource {
  const match = DATA_URL.exec(value);
  const contentType = match?.[1]?.trim().toLowerCase() ?? '';
  const base64 = (match?.[2] ?? '').toLowerCase().split(';').includes('base64');
  if (match === null || !base64 || !isImageContentType(contentType)) {
    return { kind: 'leave' };
  }
  const bytes = decodeBase64(match[3] ?? '');
  return bytes === null || bytes.length === 0 ? { kind: 'leave' } : { kind: 'data', contentType, bytes };
}

/** The bytes of base64 text (line breaks and spaces allowed, as mail and office HTML wrap it); null when it is none. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | null {
  let binary: string;
  try {
    binary = atob(text.replace(/\s+/g, ''));
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) {
    bytes[index] = binary.charCodeAt(index);
  }
  return bytes;
}

/**
 * The image type the bytes are, by their first bytes (magic number), or null for anything
 * the server would not take. A file's own type is only guessed from its name.
 */
export function sniffImageType(head: Uint8Array): ImageContentType | null {
  const starts = (...values: number[]): boolean => values.every((value, index) => head[index] === value);
  const ascii = (from: number, text: string): boolean =>
    [...text].every((char, index) => head[from + index] === char.charCodeAt(0));
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) {
    return 'image/png';
  }
  if (starts(0xff, 0xd8, 0xff)) {
    return 'image/jpeg';
  }
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) {
    return 'image/gif';
  }
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) {
    return 'image/webp';
  }
  return null;
}

/** How many leading bytes sniffImageType needs. */
export const SNIFF_BYTES = 12;

/** The file picker's filter: the types the server takes. */
export const IMAGE_ACCEPT = IMAGE_CONTENT_TYPES.join(',');
