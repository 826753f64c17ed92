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
