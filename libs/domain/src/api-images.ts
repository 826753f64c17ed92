/**
 * Request and response shapes of a project's uploaded images (docs/images.md). An image is
 * uploaded as its raw bytes and named in a section's text by its `src`.
 */

/**
 * The types an upload may have: exactly the ones the PDF export can embed (Typst 0.14). No
 * SVG: an SVG is a document that can carry scripts.
 */
export const IMAGE_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type ImageContentType = (typeof IMAGE_CONTENT_TYPES)[number];

export function isImageContentType(value: string): value is ImageContentType {
  return (IMAGE_CONTENT_TYPES as readonly string[]).includes(value);
}

const startsWith = (bytes: Uint8Array, offset: number, expected: number[]): boolean =>
  bytes.length >= offset + expected.length && expected.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

/** The magic number each accepted type's bytes start with. */
const SIGNATURES: Record<ImageContentType, (bytes: Uint8Array) => boolean> = {
  'image/png': (b) => startsWith(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': (b) => startsWith(b, 0, [0xff, 0xd8, 0xff]),
  'image/gif': (b) => startsWith(b, 0, ascii('GIF87a')) || startsWith(b, 0, ascii('GIF89a')),
  // A RIFF container whose form type is WEBP; the size in between says nothing about the type.
  'image/webp': (b) => startsWith(b, 0, ascii('RIFF')) && startsWith(b, 8, ascii('WEBP')),
};

/** True when the bytes start with the magic number of `type` (an upload must, to be stored). */
export function bytesAreOfType(type: ImageContentType, bytes: Uint8Array): boolean {
  return SIGNATURES[type](bytes);
}

/** The accepted type the bytes are of, by their magic number; null for any other. */
export function imageTypeOfBytes(bytes: Uint8Array): ImageContentType | null {
  return IMAGE_CONTENT_TYPES.find((type) => SIGNATURES[type](bytes)) ?? null;
}

/** The answer to `POST /api/projects/:projectId/images` (201). */
export interface UploadedImage {
  id: string;
  /** Where the image is read: `/api/projects/<projectId>/images/<id>`; put it into the image node as is. */
  src: string;
  contentType: ImageContentType;
  /** The size of the stored bytes. */
  bytes: number;
  /** In pixels, from the image's header; null when the header does not say. */
  width: number | null;
  height: number | null;
}

/** The `src` of an uploaded image: the path it is read from. */
export function imageSrc(projectId: string, imageId: string): string {
  return `/api/projects/${projectId}/images/${imageId}`;
}
