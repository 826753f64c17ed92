/** German messages of image captions (editor dialog, the caption below an image), registered in dictionaries.ts. */
export const deCaptions = {
  'captions.field': 'Bildunterschrift (optional)',
  'captions.fieldHint':
    'Steht unter dem Bild und im PDF als „Abbildung N: …“, durch den Bericht gezählt. Der Alternativtext dagegen beschreibt das Bild für Menschen, die es nicht sehen können; beide dürfen sich unterscheiden. Höchstens {max} Zeichen.',
  'captions.name': 'Bildunterschrift',
};
