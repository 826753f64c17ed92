import Image from '@tiptap/extension-image';
import { FIGURE_CAPTION_MAX_LENGTH, figureId, figureIdAttribute } from './figure-id.js';
import { oneLine } from './one-line.js';

/** The longest caption (figure-id.ts). */
export const IMAGE_CAPTION_MAX_LENGTH = FIGURE_CAPTION_MAX_LENGTH;

/** An image's caption as stored: one line of plain text within the length limit; '' for none. */
export function imageCaption(raw: unknown): string {
  return oneLine(raw, IMAGE_CAPTION_MAX_LENGTH);
}

/** What the document keeps: the caption, or null for none (so that an empty one is no caption either). */
const stored = (raw: unknown): string | null => imageCaption(raw) || null;

/** A number attribute as Tiptap reads one from HTML (`"40"` -> 40); anything else is left unset. */
function sizeOf(value: string | null): number | null {
  return value !== null && /^\d+(?:\.\d+)?$/.test(value) ? Number(value) : null;
}

/** The part of a DOM element the parse rules read (named here: libs/editor is checked without DOM types). */
interface ElementLike {
  getAttribute(name: string): string | null;
  textContent: string | null;
  querySelector(selectors: string): ElementLike | null;
  querySelectorAll(selectors: string): ArrayLike<ElementLike>;
}

/**
 * The image of `<figure><img><figcaption>…</figcaption></figure>` (pasted from a web page or an
 * office program) with its caption; false when the figure is not exactly one image, so that
 * ProseMirror reads its content as usual instead (a figure of a table, or of several images).
 */
function figureAttrs(figure: ElementLike, allowBase64: boolean): Record<string, unknown> | false {
  const images = Array.from(figure.querySelectorAll('img'));
  const image = images.length === 1 ? images[0] : undefined;
  const src = image?.getAttribute('src') ?? null;
  if (image === undefined || src === null || (!allowBase64 && src.startsWith('data:'))) {
    return false;
  }
  const caption = figure.querySelector('figcaption')?.textContent ?? image.getAttribute('data-caption');
  return {
    src,
    alt: image.getAttribute('alt'),
    title: image.getAttribute('title'),
    width: sizeOf(image.getAttribute('width')),
    height: sizeOf(image.getAttribute('height')),
    caption: stored(caption),
    figureId: figureId(image.getAttribute('data-figure-id') ?? figure.getAttribute('data-figure-id')),
  };
}

/**
 * Tiptap's Image with a caption: `attrs.caption`, printed below the image in the PDF as a
 * numbered figure ("Abbildung 3: …"). An attribute, not a node with content: the image stays
 * one leaf (one Yjs element), and documents written before captions stay valid as they are
 * (no caption, null). Our HTML carries it as `data-caption` on the `<img>`, which keeps the
 * editor's DOM of an image one element (the web editor draws the caption as a decoration);
 * a figure with a figcaption from elsewhere is read as well.
 */
export const CaptionedImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      ...figureIdAttribute,
      caption: {
        default: null,
        parseHTML: (element: ElementLike) => stored(element.getAttribute('data-caption')),
        renderHTML: (attributes: Record<string, unknown>) => {
          const caption = imageCaption(attributes.caption);
          return caption === '' ? {} : { 'data-caption': caption };
        },
      },
    };
  },

  parseHTML() {
    return [
      { tag: 'figure', getAttrs: (figure: ElementLike) => figureAttrs(figure, this.options.allowBase64) },
      ...(this.parent?.() ?? []),
    ];
  },

  // The plain text (content.ts) keeps a caption where its image stands, as a block of its own, so
  // that it can be found like the text around it; an image without one adds nothing (not even a
  // line: a leaf with text '' gets no block separator). Tiptap calls this for every node type,
  // with that type's name as `this.name`, hence the literal name.
  extendNodeSchema(extension) {
    return extension.name === 'image'
      ? { leafText: (node: { attrs: Record<string, unknown> }) => imageCaption(node.attrs.caption) }
      : {};
  },
});
