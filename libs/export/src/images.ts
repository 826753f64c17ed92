/** An image the export can embed without fetching anything. */
export interface EmbeddedImage {
  extension: 'png' | 'jpg' | 'gif';
  bytes: Uint8Array;
}

/** Larger embedded images are left out (a note stands in their place). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

const SIGNATURES: Array<{ mime: string; extension: EmbeddedImage['extension']; magic: number[] }> = [
  { mime: 'image/png', extension: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'image/jpeg', extension: 'jpg', magic: [0xff, 0xd8, 0xff] },
  { mime: 'image/gif', extension: 'gif', magic: [0x47, 0x49, 0x46, 0x38] },
];

/**
 * The bytes of an image source the export already holds: a `data:` URL of a PNG, JPEG or
 * GIF whose bytes really are that type. Anything else (an outside URL above all) is null:
 * the export never fetches.
 */
export function imageOfSource(src: string): EmbeddedImage | null {
  const match = /^data:(image\/[a-z]+);base64,([A-Za-z0-9+/=\s]+)$/i.exec(src);
  if (!match) {
    return null;
  }
  const signature = SIGNATURES.find((entry) => entry.mime === match[1].toLowerCase());
  if (!signature || match[2].length > (MAX_IMAGE_BYTES * 4) / 3 + 4) {
    return null;
  }
  const bytes = new Uint8Array(Buffer.from(match[2], 'base64'));
  const matches = signature.magic.every((byte, index) => bytes[index] === byte);
  return matches && bytes.length <= MAX_IMAGE_BYTES ? { extension: signature.extension, bytes } : null;
}
