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
  'exports.missingRefs.draft.one':
    '1 cross-reference without a target: marked “Missing reference” in the draft, printed with its remembered title only in the final version.',
  'exports.missingRefs.draft.other':
    '{count} cross-references without a target: marked “Missing reference” in the draft, printed with their remembered titles only in the final version.',
  'exports.missingRefs.final.one':
    '1 cross-reference without a target: printed in the final version with its remembered title only, without a link.',
  'exports.missingRefs.final.other':
    '{count} cross-references without a target: printed in the final version with their remembered titles only, without a link.',
  'exports.missingRefs.fix': 'Choose a new target in the text or remove the reference, then export again.',
};
