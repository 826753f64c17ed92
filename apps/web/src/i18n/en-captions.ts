import type { deCaptions } from './de-captions';

/** English messages of image captions (see de-captions.ts). */
export const enCaptions: Record<keyof typeof deCaptions, string> = {
  'captions.field': 'Caption (optional)',
  'captions.fieldHint':
    'Shown below the image and printed in the PDF as “Figure N: …”, numbered through the report. The alternative text, by contrast, describes the image for people who cannot see it; the two may differ. At most {max} characters.',
  'captions.name': 'Caption',
};
