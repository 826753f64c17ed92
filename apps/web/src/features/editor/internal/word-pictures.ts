import type { ImageContentType } from '@kapitel/domain';
import { sniffImageType } from '../utils/image-sources';
import type { RtfPictures } from './rtf-pictures';

/**
 * A paste from Word or LibreOffice Writer: its HTML names each picture by a file of the
 * author's computer, and its RTF carries the same pictures, in the same order. The n-th such
 * image of the HTML is the n-th picture of the RTF, as long as the two line up.
 */

/** An image of pasted HTML that names a local file, with the size the HTML shows it at (CSS pixels), where it says. */
export interface LocalImage {
  width: number | null;
  height: number | null;
}

/** What an image of the HTML gets from the RTF. */
export type PictureMatch =
  /** Its picture, ready to upload. */
  | { kind: 'picture'; contentType: ImageContentType; bytes: Uint8Array<ArrayBuffer> }
  /** Its picture, past the reader's size limit: refused as too large. */
  | { kind: 'tooLarge' }
  /** Nothing usable (no such picture, a format we cannot show, cropped, another size): left out. */
  | { kind: 'none' };

/** 1 CSS pixel = 1/96 inch = 15 twips (what Word's HTML gives as width and height). */
const TWIPS_PER_PIXEL = 15;

/**
 * Whether an HTML size (pixels) and an RTF size (twips) are the same picture's: both are
 * rounded by Word, so a pixel or two and a little for scaled pictures apart. Unknown on
 * either side: nothing to hold against it.
 */
function sameSize(pixels: number | null, twips: number | null): boolean {
  if (pixels === null || twips === null) {
    return true;
  }
  const fromRtf = twips / TWIPS_PER_PIXEL;
  return Math.abs(pixels - fromRtf) <= 2 + 0.02 * Math.max(pixels, fromRtf);
}

/**
 * The RTF's picture for each local image of the HTML, by position. When the counts differ
 * (or the RTF was not read to its end) nobody can say which picture stood where, so none is
 * taken: a picture left out is better than the wrong one in its place. A picture of another
 * size than its image is left out on its own, as are formats we cannot show (EMF, WMF) and
 * cropped pictures, whose bytes would show what the author cut away.
 */
export function matchPictures(images: readonly LocalImage[], rtf: RtfPictures): PictureMatch[] {
  const none: PictureMatch = { kind: 'none' };
  if (!rtf.complete || rtf.pictures.length !== images.length) {
    return images.map(() => none);
  }
  return images.map((image, index): PictureMatch => {
    const picture = rtf.pictures[index];
    if (
      picture === undefined ||
      picture.cropped ||
      !sameSize(image.width, picture.width) ||
      !sameSize(image.height, picture.height)
    ) {
      return none;
    }
    if (picture.tooLarge) {
      return { kind: 'tooLarge' };
    }
    const contentType = picture.bytes === null ? null : sniffImageType(picture.bytes);
    return picture.bytes === null || contentType === null
      ? none
      : { kind: 'picture', contentType, bytes: picture.bytes };
  });
}

const PIXELS_PER_UNIT: Record<string, number> = {
  '': 1,
  px: 1,
  pt: 96 / 72,
  pc: 16,
  in: 96,
  cm: 96 / 2.54,
  mm: 96 / 25.4,
};

/** A length as Word and LibreOffice write them (`605`, `605px`, `453.6pt`, `6.3in`, `16cm`) in CSS pixels; null for anything else. */
export function cssPixels(value: string | null | undefined): number | null {
  // Trimmed first: the pattern has no two neighbouring parts that could take the same characters.
  const match = /^(\d+(?:\.\d+)?|\.\d+) *(px|pt|pc|in|cm|mm)?$/i.exec((value ?? '').trim());
  const factor = PIXELS_PER_UNIT[(match?.[2] ?? '').toLowerCase()];
  const pixels = match === null || factor === undefined ? NaN : Number(match[1]) * factor;
  return Number.isFinite(pixels) && pixels > 0 ? pixels : null;
}

/** The width or height an inline style gives (`width:453.6pt;height:255pt`), in CSS pixels. */
export function styleSize(style: string | null, side: 'width' | 'height'): number | null {
  for (const declaration of (style ?? '').split(';')) {
    const colon = declaration.indexOf(':');
    if (colon > 0 && declaration.slice(0, colon).trim().toLowerCase() === side) {
      return cssPixels(declaration.slice(colon + 1));
    }
  }
  return null;
}
