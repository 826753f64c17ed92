/**
 * The size an image is placed at in the document, from the pixel size its header states.
 * ODF wants an explicit frame size (LibreOffice does not size a frame from the picture), and
 * reading four header formats is far less than an image library.
 */

/** Pixel width and height, or null when the header cannot be read. */
export function pixelSize(bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const has = (length: number): boolean => bytes.length >= length;
  const ascii = (offset: number, length: number): string =>
    String.fromCharCode(...bytes.subarray(offset, offset + length));
  let size: { width: number; height: number } | null = null;
  if (has(24) && bytes[0] === 0x89 && ascii(1, 3) === 'PNG' && ascii(12, 4) === 'IHDR') {
    size = { width: view.getUint32(16), height: view.getUint32(20) };
  } else if (has(10) && ascii(0, 4) === 'GIF8') {
    size = { width: view.getUint16(6, true), height: view.getUint16(8, true) };
  } else if (has(16) && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') {
    size = webpSize(bytes, view, ascii(12, 4));
  } else if (has(4) && bytes[0] === 0xff && bytes[1] === 0xd8) {
    size = jpegSize(bytes, view);
  }
  return size && size.width > 0 && size.height > 0 ? size : null;
}

function webpSize(
  bytes: Uint8Array,
  view: DataView,
  chunk: string,
): { width: number; height: number } | null {
  if (bytes.length < (chunk === 'VP8L' ? 25 : 30)) {
    return null;
  }
  switch (chunk) {
    case 'VP8 ': // lossy: 14-bit sizes after the frame tag and start code
      return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
    case 'VP8L': {
      // lossless: 14 bits each, minus one, after the signature byte
      const bits = view.getUint32(21, true);
      return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
    case 'VP8X': // extended: 24-bit canvas size, minus one
      return {
        width: 1 + (bytes[24] | (bytes[25] << 8) | (bytes[26] << 16)),
        height: 1 + (bytes[27] | (bytes[28] << 8) | (bytes[29] << 16)),
      };
    default:
      return null;
  }
}

/** The frame header (SOFn) of a JPEG holds its size; the segments before it are skipped by their lengths. */
function jpegSize(bytes: Uint8Array, view: DataView): { width: number; height: number } | null {
  let offset = 2;
  while (offset + 9 <= bytes.length) {
    if (bytes[offset] !== 0xff) {
      return null;
    }
    const marker = bytes[offset + 1];
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: view.getUint16(offset + 7), height: view.getUint16(offset + 5) };
    }
    offset += 2 + view.getUint16(offset + 2);
  }
  return null;
}

const MAX_WIDTH_CM = 16; // the text width: A4 minus 2 × 2.5 cm margins
const MAX_HEIGHT_CM = 20;
const CM_PER_PIXEL = 2.54 / 96; // images carry no reliable resolution; browsers assume 96 dpi too

/** The frame size in cm: the pixels at 96 dpi, scaled down (never up) to fit 16 × 20 cm; 12 × 9 cm when unknown. */
export function frameSize(bytes: Uint8Array): { width: string; height: string } {
  const pixels = pixelSize(bytes);
  if (!pixels) {
    return { width: '12cm', height: '9cm' };
  }
  const width = pixels.width * CM_PER_PIXEL;
  const height = pixels.height * CM_PER_PIXEL;
  const scale = Math.min(1, MAX_WIDTH_CM / width, MAX_HEIGHT_CM / height);
  const cm = (value: number): string => `${Number((value * scale).toFixed(3))}cm`;
  return { width: cm(width), height: cm(height) };
}
