import { describe, expect, it } from '@jest/globals';
import { createTranslator } from '../../../i18n/translate';
import { ApiError } from '../../../lib/api';
import { uploadErrorText } from './upload-error';

const t = createTranslator('de');

describe('uploadErrorText()', () => {
  it('tells what to do about a file that is too large, also when a proxy answered 413 without our format', () => {
    const ours = uploadErrorText(t, new ApiError(413, 'IMAGE_TOO_LARGE', 'The image is larger than the limit of 10 MiB'));
    expect(ours).toBe(
      'Das Bild ist zu groß. Verkleinern Sie es (zum Beispiel mit geringerer Auflösung oder als JPEG gespeichert) und versuchen Sie es erneut.',
    );
    expect(uploadErrorText(t, new ApiError(413, 'PAYLOAD_TOO_LARGE', 'Request Entity Too Large'))).toBe(ours);
  });

  it('names the formats that are taken when the type is not', () => {
    expect(uploadErrorText(t, new ApiError(415, 'UNKNOWN', 'Unsupported Media Type'))).toBe(
      'Dieses Dateiformat wird nicht unterstützt. Bitte wählen Sie ein Bild im Format PNG, JPEG, GIF oder WebP.',
    );
  });

  it('says that nothing was uploaded and to check the network when the server was not reached', () => {
    expect(uploadErrorText(t, new ApiError(0, 'NETWORK', 'Failed to fetch'))).toBe(
      'Keine Verbindung zum Server: Das Bild wurde nicht hochgeladen. Prüfen Sie die Netzwerkverbindung und versuchen Sie es erneut.',
    );
  });

  it('says that images are not allowed for the role, in English too', () => {
    const forbidden = new ApiError(403, 'FORBIDDEN', 'Forbidden');
    expect(uploadErrorText(t, forbidden)).toBe('Sie dürfen in diesem Projekt keine Bilder einfügen.');
    expect(uploadErrorText(createTranslator('en'), forbidden)).toBe('You may not insert images in this project.');
  });

  it('falls back to the message of the code for everything else', () => {
    expect(uploadErrorText(t, new ApiError(400, 'IMAGE_EMPTY', 'empty'))).toBe(
      'Die Datei ist leer. Bitte wählen Sie eine andere Datei.',
    );
    expect(uploadErrorText(t, new ApiError(403, 'CSRF', 'Origin'))).toBe(t('error.CSRF'));
  });
});
