import type { deImages } from './de-images';

/** English messages of images in the editor: exactly the German keys. */
export const enImages: Record<keyof typeof deImages, string> = {
  'error.IMAGE_EMPTY': 'The file is empty. Please choose another file.',
  'error.IMAGE_TOO_LARGE':
    'The image is too large. Make it smaller (for example with a lower resolution, or saved as JPEG) and try again.',
  'error.IMAGE_TYPE_UNSUPPORTED': 'This file format is not supported. Please choose a PNG, JPEG, GIF or WebP image.',

  'images.insert': 'Insert image',
  'images.editAlt': 'Edit alt text and caption',
  'images.missingAlt': 'Alternative text missing',

  'images.dialog.insertTitle': 'Insert image',
  'images.dialog.editTitle': 'Edit alt text and caption',
  'images.dialog.file': 'File: {name} ({size})',
  'images.dialog.alt': 'Alternative text',
  'images.dialog.altHint': 'Describe briefly what the image shows and what it says, for everyone who cannot see it.',
  'images.dialog.altRequired': 'Please describe the image or mark it as decorative.',
  'images.dialog.decorative': 'Decorative: no alternative text needed',
  'images.dialog.decorativeHint':
    'Only for images that add nothing to the content, such as ornaments. Screen readers skip them.',
  'images.dialog.upload': 'Upload and insert',
  'images.dialog.apply': 'Apply',
  'images.dialog.otherFile': 'Choose another file',
  'images.dialog.uploading': 'Uploading the image …',
  'images.dialog.gone': 'The image is no longer in the text; someone may have deleted it.',

  'images.uploading': 'Uploading image …',
  'images.uploadingMany': 'Uploading {count} images …',
  'images.inserted': 'Image inserted.',
  'images.altSaved': 'Alt text and caption saved.',
  'images.insertedMissingAlt':
    'Image inserted. It still lacks its alternative text: select the image, then “Edit alt text and caption”.',
  'images.insertedManyMissingAlt':
    '{count} images inserted. They still lack their alternative text: select each image, then “Edit alt text and caption”.',
  'images.leftOutOne':
    'One image of the pasted content was left out: Kapitel loads no images from other addresses. Save the image and insert it as a file (“Insert image”, or drag the file into the text).',
  'images.leftOutMany':
    '{count} images of the pasted content were left out: Kapitel loads no images from other addresses. Save the images and insert them as files (“Insert image”, or drag the files into the text).',
  'images.failedFile': '“{name}” was not inserted. {reason}',
  'images.failedPasted': 'An image of the pasted content was not inserted. {reason}',
  'images.readOnlyNow': 'The section cannot be edited right now; the image was not inserted.',
  'images.network':
    'No connection to the server: the image was not uploaded. Check the network connection and try again.',
  'images.forbidden': 'You may not insert images in this project.',
  'images.dismiss': 'Close notice',
};
