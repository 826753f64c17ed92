import type { ImageContentType, UploadedImage } from '@kapitel/domain';
import { classifyImageSource, type ImagePlace } from '../utils/image-sources';
import { readRtfPictures } from './rtf-pictures';
import { cssPixels, matchPictures, styleSize, type LocalImage } from './word-pictures';

/** One image of pasted content whose bytes must be uploaded before it can be shown. */
export interface PendingImage {
  element: HTMLImageElement;
  /** The bytes (from a `data:` URL or the clipboard's RTF), or the path on our server to read them from. */
  source: { bytes: Uint8Array<ArrayBuffer>; contentType: ImageContentType } | { src: string };
}

/** Pasted HTML, parsed, with its images sorted by what becomes of them. */
export interface PastedImages {
  body: HTMLElement;
  pending: PendingImage[];
  /** Images that cannot be taken (other hosts, files of the author's computer without their picture): left out. */
  leaving: HTMLImageElement[];
  /** Pictures of the clipboard's RTF too large to keep (rtf-pictures.ts): refused, as the server would. */
  tooLarge: HTMLImageElement[];
}

function parse(html: string): HTMLElement {
  return new DOMParser().parseFromString(html, 'text/html').body;
}

const isLocal = (src: string | null): boolean => /^\s*file:/i.test(src ?? '');

/** A picture of Word's VML (`<v:shape><v:imagedata src="file:///…">`): the same picture as the `<img>` that names its id. */
interface VmlShape {
  id: string;
  /** It shows a picture (`v:imagedata`); a drawn shape (text box, arrow …) has no picture in the RTF. */
  picture: boolean;
  /** The picture's local file, if that is what it names. */
  file: string | null;
  alt: string | null;
  width: number | null;
  height: number | null;
  /** Part of a group of shapes, which the RTF keeps apart (`\shpgrp`) and the HTML shows as one drawing. */
  grouped: boolean;
}

function vmlShape(shape: Element): VmlShape {
  const imagedata = [...shape.querySelectorAll('*')].find((element) => element.localName === 'v:imagedata');
  const file = imagedata?.getAttribute('src') ?? null;
  const style = shape.getAttribute('style');
  let grouped = false;
  for (let parent = shape.parentElement; parent !== null; parent = parent.parentElement) {
    grouped ||= parent.localName === 'v:group';
  }
  return {
    id: shape.getAttribute('id') ?? '',
    picture: imagedata !== undefined,
    file: isLocal(file) ? file : null,
    alt: shape.getAttribute('alt'),
    width: styleSize(style, 'width'),
    height: styleSize(style, 'height'),
    grouped,
  };
}

const vmlShapesIn = (root: ParentNode): VmlShape[] =>
  [...root.querySelectorAll('*')].filter((element) => element.localName === 'v:shape').map(vmlShape);

/** A local image of the HTML, and whether the RTF has a picture for it (a drawn shape has none). */
interface LocalCandidate extends LocalImage {
  element: HTMLImageElement;
  picture: boolean;
}

/**
 * The images of pasted HTML that name files of the author's computer, in document order.
 * Word writes each picture twice: as VML inside `<!--[if gte vml 1]>…<![endif]-->` (a comment
 * to every browser), then as an `<img v:shapes="<the shape's id>">` for all others. The
 * `<img>` stands for both; a VML picture without one gets an `<img>` in its place.
 */
function localImages(body: HTMLElement): LocalCandidate[] {
  const document = body.ownerDocument;
  const found: ({ img: HTMLImageElement } | { vml: VmlShape[]; at: Node })[] = [];
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_COMMENT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (node instanceof HTMLImageElement) {
      found.push({ img: node });
    } else if (node instanceof Comment && node.data.includes('<v:')) {
      found.push({ vml: vmlShapesIn(parse(node.data)), at: node });
    } else if (node instanceof Element && node.localName === 'v:shape') {
      // VML as elements: a conditional comment that something on the way has opened.
      found.push({ vml: [vmlShape(node)], at: node });
    }
  }
  const shapes = new Map(
    found.flatMap((entry) => ('vml' in entry ? entry.vml.map((shape) => [shape.id, shape] as const) : [])),
  );
  const named = new Set(found.flatMap((entry) => ('img' in entry ? shapeIds(entry.img) : [])));
  const candidates: LocalCandidate[] = [];
  for (const entry of found) {
    if ('img' in entry) {
      const { img } = entry;
      if (isLocal(img.getAttribute('src'))) {
        const id = shapeIds(img)[0];
        const shape = id === undefined ? undefined : shapes.get(id);
        const picture = shape === undefined || (shape.picture && !shape.grouped);
        const width = cssPixels(img.getAttribute('width')) ?? styleSize(img.getAttribute('style'), 'width');
        const height =
          cssPixels(img.getAttribute('height')) ?? styleSize(img.getAttribute('style'), 'height');
        candidates.push({ element: img, picture, width, height });
      }
      continue;
    }
    for (const shape of entry.vml) {
      if (shape.file !== null && !shape.grouped && (shape.id === '' || !named.has(shape.id))) {
        const img = document.createElement('img');
        img.setAttribute('src', shape.file);
        if (shape.alt !== null) {
          img.setAttribute('alt', shape.alt);
        }
        entry.at.parentNode?.insertBefore(img, entry.at);
        candidates.push({ element: img, picture: true, width: shape.width, height: shape.height });
      }
    }
  }
  return candidates;
}

const shapeIds = (img: Element): string[] =>
  (img.getAttribute('v:shapes') ?? '').split(/\s+/).filter((id) => id !== '');

/**
 * Sorts the images of pasted HTML; null when it has none that needs anything done. Images
 * naming local files get their pictures from the clipboard's RTF (`rtf`, read only then).
 */
export function readPastedImages(
  html: string,
  place: ImagePlace,
  rtf: () => string = () => '',
): PastedImages | null {
  const body = parse(html);
  const pending: PendingImage[] = [];
  const leaving: HTMLImageElement[] = [];
  const tooLarge: HTMLImageElement[] = [];
  const locals = localImages(body);
  for (const element of body.querySelectorAll('img')) {
    const src = element.getAttribute('src');
    if (isLocal(src)) {
      continue;
    }
    const source = classifyImageSource(src, place);
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
  const pictures = locals.filter((local) => local.picture);
  leaving.push(...locals.filter((local) => !local.picture).map((local) => local.element));
  const text = pictures.length === 0 ? '' : rtf();
  const matches = text === '' ? [] : matchPictures(pictures, readRtfPictures(text));
  pictures.forEach(({ element }, index) => {
    const match = matches[index] ?? { kind: 'none' };
    if (match.kind === 'picture') {
      pending.push({ element, source: { bytes: match.bytes, contentType: match.contentType } });
    } else {
      (match.kind === 'tooLarge' ? tooLarge : leaving).push(element);
    }
  });
  const nothing = pending.length === 0 && leaving.length === 0 && tooLarge.length === 0;
  return nothing ? null : { body, pending, leaving, tooLarge };
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
  // The image is a block in our text: ProseMirror would keep its paragraph as an empty line above it.
  pictureParagraph(element)?.replaceWith(element);
}

/**
 * The paragraph that holds nothing but this image, as office programs write each picture;
 * null when the image stands among text or other images.
 */
function pictureParagraph(element: HTMLImageElement): HTMLParagraphElement | null {
  const paragraph = element.closest('p');
  const alone =
    paragraph !== null &&
    (paragraph.textContent ?? '').trim() === '' &&
    paragraph.querySelectorAll('img').length === 1;
  return alone ? paragraph : null;
}

/** Takes an image out of pasted HTML, with the paragraph that held only it (which would be an empty line). */
export function removeImage(element: HTMLImageElement): void {
  (pictureParagraph(element) ?? element).remove();
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
      removeImage(element);
      removed = true;
    }
  }
  return removed ? body.innerHTML : html;
}

/** True when HTML shows nothing but images (a browser's "copy image" puts such HTML beside the file). */
export function showsOnlyImages(html: string): boolean {
  return (parse(html).textContent ?? '').trim() === '';
}
