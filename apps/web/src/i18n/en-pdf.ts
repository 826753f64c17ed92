import type { dePdf } from './de-pdf';

/** English messages about what a finished export became: exactly the German keys. */
export const enPdf: Record<keyof typeof dePdf, string> = {
  'exports.standard.pdf-a-2a': 'PDF/A-2a',
  'exports.standard.pdf-a-2b': 'PDF/A-2b',
  'exports.standardHint.pdf-a-2a': 'PDF/A-2a: archivable and structured for screen readers.',
  'exports.standardHint.pdf-a-2b': 'PDF/A-2b: archivable.',
  'exports.missingAlt.one':
    '1 image has no alternative text. Add it in the text (select the image, “Edit alt text and caption”) or mark the image as decorative: then the final version becomes PDF/A-2a and can be read with a screen reader too.',
  'exports.missingAlt.other':
    '{count} images have no alternative text. Add it in the text (select the image, “Edit alt text and caption”) or mark the images as decorative: then the final version becomes PDF/A-2a and can be read with a screen reader too.',
  'exports.list.withoutAlt.one': '1 image without alternative text',
  'exports.list.withoutAlt.other': '{count} images without alternative text',
};
