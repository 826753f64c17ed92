import { imageTypeOfBytes, type ImageContentType } from './api-images.js';

/** An image's size in pixels. */
export interface PixelSize {
  width: number;
  height: number;
}

/** A byte; 0 past the end (every reader checks the length it needs first). */
const byte = (b: Uint8Array, at: number): number => b[at] ?? 0;
const be16 = (b: Uint8Array, at: number): number => (byte(b, at) << 8) | byte(b, at + 1);
const le16 = (b: Uint8Array, at: number): number => byte(b, at) | (byte(b, at + 1) << 8);
const le24 = (b: Uint8Array, at: number): number => le16(b, at) | (byte(b, at + 2) << 16);
const tag = (b: Uint8Array, at: number): string =>
  String.fromCharCode(byte(b, at), byte(b, at + 1), byte(b, at + 2), byte(b, at + 3));

const sized = (width: number, height: number): PixelSize | null =>
  width > 0 && height > 0 ? { width, height } : null;

/** PNG: the IHDR chunk, which must come first, holds width and height (big-endian). */
function pngSize(b: Uint8Array): PixelSize | null {
  if (b.length < 24 || tag(b, 12) !== 'IHDR') {
    return null;
  }
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return sized(view.getUint32(16), view.getUint32(20));
}

/** GIF: the logical screen descriptor right after the signature. */
function gifSize(b: Uint8Array): PixelSize | null {
  return b.length < 10 ? null : sized(le16(b, 6), le16(b, 8));
}

/**
 * JPEG: the first frame header (SOF0..SOF15 except DHT C4, JPG C8 and DAC CC) after walking
 * the segments. Markers may be padded with 0xFF; a few stand alone without a length.
 */
function jpegSize(b: Uint8Array): PixelSize | null {
  let at = 2;
  while (at + 1 < b.length) {
    if (b[at] !== 0xff) {
      return null;
    }
    const marker = byte(b, at + 1);
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    at += 2;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      continue; // TEM, RSTn, SOI: no length
    }
    if (marker === 0xd9 || marker === 0xda || at + 2 > b.length) {
      return null; // end of image or start of scan before any frame header
    }
    const length = be16(b, at);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      // length, precision, then height before width; a height of 0 is given later (DNL): unknown here.
      return at + 7 <= b.length ? sized(be16(b, at + 5), be16(b, at + 3)) : null;
    }
    if (length < 2) {
      return null;
    }
    at += length;
  }
  return null;
}

/** WebP: the first chunk tells the format: extended (VP8X), lossless (VP8L) or lossy (VP8). */
function webpSize(b: Uint8Array): PixelSize | null {
  // The lossless header ends at byte 25, the others at byte 30.
  if (b.length < 16 || b.length < (tag(b, 12) === 'VP8L' ? 25 : 30)) {
    return null;
  }
  switch (tag(b, 12)) {
    case 'VP8X':
      return sized(le24(b, 24) + 1, le24(b, 27) + 1);
    case 'VP8L': {
      if (b[20] !== 0x2f) {
        return null;
      }
      const bits = (le24(b, 21) | (byte(b, 24) << 24)) >>> 0;
      return sized((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
    }
    case 'VP8 ':
      if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) {
        return null;
      }
      return sized(le16(b, 26) & 0x3fff, le16(b, 28) & 0x3fff);
    default:
      return null;
  }
}

/**
 * The pixel size from the image's header, without decoding it; null when the header does
 * not say (cut off, or not what the type promises). The bytes' magic number was checked before.
 */
export function pixelSizeOf(type: ImageContentType, bytes: Uint8Array): PixelSize | null {
  switch (type) {
    case 'image/png':
      return pngSize(bytes);
    case 'image/gif':
      return gifSize(bytes);
    case 'image/jpeg':
      return jpegSize(bytes);
    case 'image/webp':
      return webpSize(bytes);
  }
}

/** The same for bytes of any of the accepted types, told by their magic number; null for others. */
export function pixelSizeOfBytes(bytes: Uint8Array): PixelSize | null {
  const type = imageTypeOfBytes(bytes);
  return type === null ? null : pixelSizeOf(type, bytes);
}
