import type { ImageContentType, UploadedImage } from '@kapitel/domain';
import { classifyImageSource, type ImagePlace } from '../utils/image-sources';

/** One image of pasted content whose bytes must be uploaded before it can be shown. */
export interface PendingImage {
  element: HTMLImageElement;
  /** The bytes (from a `data:` URL), or the path on our server to read them from. */
  source: { bytes: Uint8Array<ArrayBuffer>; contentType: ImageContentType } | { src: string };
}

/** Pasted HTML, parsed, with its images sorted by what becomes of them. */
export interface PastedImages {
  body: HTMLElement;
  pending: PendingImage[];
  /** Images that cannot be taken (other hosts, files of the author's computer): left out. */
  leaving: HTMLImageElement[];
}

function parse(html: string): HTMLElement {
  return new DOMParser().parseFromString(html, 'text/html').body;
}

/** Sorts the images of pasted HTML; null when it has none that needs anything done. */
export function readPastedImages(html: string, place: ImagePlace): PastedImages | null {
  const body = parse(html);
  const pending: PendingImage[] = [];
  const leaving: HTMLImageElement[] = [];
  for (const element of body.querySelectorAll('img')) {
    const source = classifyImageSource(element.getAttribute('src'), place);
    switch (source.kind) {
      case 'keep':
        break;
      case 'data':
        pending.push({ element, source: { bytes: source.bytes, contentType: source.contentType } });
        break;
      case 'copy':
        pending.push({ element, source: { src: source.src } });
        break;
      case 'leave':
        leaving.push(element);
        break;
    }
  }
  return pending.length === 0 && leaving.length === 0 ? null : { body, pending, leaving };
}

/** Puts an uploaded image in the place of a pending one (its size from the upload: the pasted one is the layout's). */
export function placeUploaded(image: PendingImage, uploaded: UploadedImage): void {
  const { element } = image;
  element.setAttribute('src', uploaded.src);
  for (const side of ['width', 'height'] as const) {
    const value = uploaded[side];
    if (value === null) {
      element.removeAttribute(side);
    } else {
      element.setAttribute(side, String(value));
    }
  }
  element.removeAttribute('style');
  element.removeAttribute('srcset');
}

/**
 * The HTML with every image removed that is not one of the project's own: the last line of
 * defence for whatever arrives in the editor as HTML (drops, pastes). The schema drops
 * `data:` images by itself; images of other hosts would show broken (the CSP blocks them).
 */
export function withoutForeignImages(html: string, place: ImagePlace): string {
  if (!/<img/i.test(html)) {
    return html;
  }
  const body = parse(html);
  let removed = false;
  for (const element of body.querySelectorAll('img')) {
    if (classifyImageSource(element.getAttribute('src'), place).kind !== 'keep') {
      element.remove();
      removed = true;
    }
  }
  return removed ? body.innerHTML : html;
}

/** True when HTML shows nothing but images (a browser's "copy image" puts such HTML beside the file). */
export function showsOnlyImages(html: string): boolean {
  return (parse(html).textContent ?? '').trim() === '';
}
