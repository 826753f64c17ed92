/**
 * The size an image is placed at in the document, from the pixel size its header states.
 * ODF wants an explicit frame size (LibreOffice does not size a frame from the picture); the
 * pixel size is read from the header as for an upload (libs/domain, `pixelSizeOf`).
 */
import { pixelSizeOfBytes } from '@kapitel/domain';

const MAX_WIDTH_CM = 16; // the text width: A4 minus 2 × 2.5 cm margins
const MAX_HEIGHT_CM = 20;
const CM_PER_PIXEL = 2.54 / 96; // images carry no reliable resolution; browsers assume 96 dpi too

/** The frame size in cm: the pixels at 96 dpi, scaled down (never up) to fit 16 × 20 cm; 12 × 9 cm when unknown. */
export function frameSize(bytes: Uint8Array): { width: string; height: string } {
  const pixels = pixelSizeOfBytes(bytes);
  if (!pixels) {
    return { width: '12cm', height: '9cm' };
  }
  const width = pixels.width * CM_PER_PIXEL;
  const height = pixels.height * CM_PER_PIXEL;
  const scale = Math.min(1, MAX_WIDTH_CM / width, MAX_HEIGHT_CM / height);
  const cm = (value: number): string => `${Number((value * scale).toFixed(3))}cm`;
  return { width: cm(width), height: cm(height) };
}
