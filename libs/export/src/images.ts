import { bytesAreOfType, isImageContentType, type ImageContentType } from '@kapitel/domain';

/** An image the export can embed without fetching anything. */
export interface EmbeddedImage {
  extension: 'png' | 'jpg' | 'gif' | 'webp';
  bytes: Uint8Array;
}

/**
 * Images the server already holds (a project's uploaded images), by the `src` the
 * sections name them with. The server reads them from its database; this library never does.
 */
export type HeldImages = ReadonlyMap<string, EmbeddedImage>;

/** Larger `data:` images are left out (a note stands in their place). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/**
 * Every type Typst can embed. Keyed by the upload types of libs/domain, so that a type cannot
 * be accepted there without being known here; the bytes' test is libs/domain's.
 */
const FORMATS: Record<ImageContentType, { extension: EmbeddedImage['extension'] }> = {
  'image/png': { extension: 'png' },
  'image/jpeg': { extension: 'jpg' },
  'image/gif': { extension: 'gif' },
  'image/webp': { extension: 'webp' },
};


/** The file extension the compiler recognises `type` by. */
export function extensionOf(type: ImageContentType): EmbeddedImage['extension'] {
  return FORMATS[type].extension;
}

function heldImage(image: EmbeddedImage): EmbeddedImage | null {
  const type = (Object.keys(FORMATS) as ImageContentType[]).find((key) => FORMATS[key].extension === image.extension);
  return type !== undefined && bytesAreOfType(type, image.bytes) ? image : null;
}

/**
 * The bytes of an image source the export already holds: an image of `held` (the project's
 * uploads, which the server loaded), or a `data:` URL of a PNG, JPEG, GIF or WebP whose bytes
 * really are that type. Anything else (an outside URL above all, or another project's image,
 * which the server did not load) is null: the export never fetches.
 */
export function imageOfSource(src: string, held: HeldImages = new Map()): EmbeddedImage | null {
  const image = held.get(src);
  if (image) {
    return heldImage(image);
  }
  const match = /^data:(image\/[a-z]+);base64,([A-Za-z0-9+/=\s]+)$/i.exec(src);
  if (!match) {
    return null;
  }
  const type = match[1].toLowerCase();
  if (!isImageContentType(type) || match[2].length > (MAX_IMAGE_BYTES * 4) / 3 + 4) {
    return null;
  }
  const bytes = new Uint8Array(Buffer.from(match[2], 'base64'));
  return bytesAreOfType(type, bytes) && bytes.length <= MAX_IMAGE_BYTES ? { extension: FORMATS[type].extension, bytes } : null;
}

/**
 * The image files of one render: each distinct source once, however often the report shows
 * it (an uploaded figure may be several megabytes). Null embeds no image at all.
 */
export class ImageFiles {
  readonly files = new Map<string, Uint8Array>();
  /** The `src` each file was made from, by its workspace path. */
  readonly sources = new Map<string, string>();
  /** Embedded images without alternative text, counted as the sections are rendered. */
  withoutAlt = 0;
  private readonly paths = new Map<string, string>();

  /** `leaveOut`: sources not to embed (images Typst could not read: they get notes). */
  constructor(
    private readonly held: HeldImages | null,
    private readonly leaveOut: ReadonlySet<string> = new Set(),
  ) {}

  /** The workspace path of the image `src` names; null when it cannot be embedded. */
  pathOf(src: string): string | null {
    if (!this.held || this.leaveOut.has(src)) {
      return null;
    }
    const known = this.paths.get(src);
    if (known) {
      return known;
    }
    const image: EmbeddedImage | null = imageOfSource(src, this.held);
    if (!image) {
      return null;
    }
    const path = `/img-${this.files.size}.${image.extension}`;
    this.files.set(path, image.bytes);
    this.sources.set(path, src);
    this.paths.set(src, path);
    return path;
  }
}
