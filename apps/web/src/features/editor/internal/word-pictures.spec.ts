import { describe, expect, it } from '@jest/globals';
import type { RtfPicture, RtfPictures } from './rtf-pictures';
import { cssPixels, matchPictures, styleSize, type LocalImage } from './word-pictures';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);

/** A picture of the RTF shown at `width`×`height` CSS pixels (15 twips each). */
const picture = (
  bytes: Uint8Array<ArrayBuffer> | null,
  width: number | null,
  height: number | null,
  more: Partial<RtfPicture> = {},
): RtfPicture => ({
  format: bytes === JPEG ? 'jpeg' : bytes === PNG ? 'png' : 'emf',
  bytes,
  tooLarge: false,
  cropped: false,
  width: width === null ? null : width * 15,
  height: height === null ? null : height * 15,
  ...more,
});

const rtf = (...pictures: RtfPicture[]): RtfPictures => ({ pictures, complete: true });
const image = (width: number | null, height: number | null): LocalImage => ({ width, height });
const rounded = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 100) / 100;
const kinds = (matches: ReturnType<typeof matchPictures>) =>
  matches.map((match) => (match.kind === 'picture' ? match.contentType : match.kind));

describe('matchPictures()', () => {
  it('gives the n-th local image of the HTML the n-th picture of the RTF, with its bytes and type', () => {
    const matches = matchPictures(
      [image(605, 340), image(120, 80)],
      rtf(picture(PNG, 605, 340), picture(JPEG, 120, 80)),
    );
    expect(matches).toEqual([
      { kind: 'picture', contentType: 'image/png', bytes: PNG },
      { kind: 'picture', contentType: 'image/jpeg', bytes: JPEG },
    ]);
  });

  it('takes none when the RTF has fewer or more pictures than the HTML has local images, since nobody can say which stood where', () => {
    expect(kinds(matchPictures([image(605, 340), image(120, 80)], rtf(picture(PNG, 605, 340))))).toEqual([
      'none',
      'none',
    ]);
    expect(
      kinds(matchPictures([image(605, 340)], rtf(picture(PNG, 605, 340), picture(JPEG, 120, 80)))),
    ).toEqual(['none']);
    expect(kinds(matchPictures([image(605, 340)], rtf()))).toEqual(['none']);
  });

  it('takes none from RTF that was not read to its end', () => {
    expect(
      kinds(matchPictures([image(605, 340)], { pictures: [picture(PNG, 605, 340)], complete: false })),
    ).toEqual(['none']);
  });

  it('leaves out a picture whose size is not its image’s, and takes the others', () => {
    const matches = matchPictures(
      [image(605, 340), image(120, 80), image(50, 50)],
      rtf(picture(PNG, 605, 340), picture(PNG, 80, 120), picture(JPEG, 50, 50)),
    );
    expect(kinds(matches)).toEqual(['image/png', 'none', 'image/jpeg']);
  });

  it('allows for Word’s rounding between the pixels of the HTML and the twips of the RTF, and checks only sizes both sides give', () => {
    const inTwips = picture(PNG, null, null, { width: 9072, height: 5103 }); // 604.8 × 340.2 pixels
    expect(kinds(matchPictures([image(605, 340)], rtf(inTwips)))).toEqual(['image/png']);
    expect(kinds(matchPictures([image(1210, 680)], rtf(inTwips)))).toEqual(['none']);
    const oneSided = matchPictures(
      [image(null, 340), image(605, null), image(null, null), image(605, 340), image(null, 340)],
      rtf(
        picture(PNG, 999, 340),
        picture(PNG, null, 999),
        picture(PNG, 400, 300),
        picture(PNG, null, null),
        picture(PNG, 999, 999),
      ),
    );
    expect(kinds(oneSided)).toEqual(['image/png', 'image/png', 'image/png', 'image/png', 'none']);
  });

  it('leaves out formats it cannot show, cropped pictures and bytes that are no image, in their place', () => {
    const pictures = rtf(
      picture(null, 10, 10),
      picture(PNG, 10, 10, { cropped: true }),
      picture(Uint8Array.from([1, 2, 3, 4]), 10, 10, { format: 'png' }),
      picture(PNG, 10, 10),
    );
    expect(
      kinds(matchPictures([image(10, 10), image(10, 10), image(10, 10), image(10, 10)], pictures)),
    ).toEqual(['none', 'none', 'none', 'image/png']);
  });

  it('names the type the bytes are, whatever the RTF called them', () => {
    expect(kinds(matchPictures([image(10, 10)], rtf(picture(JPEG, 10, 10, { format: 'png' }))))).toEqual([
      'image/jpeg',
    ]);
  });

  it('refuses a picture past the reader’s size limit as too large', () => {
    expect(
      kinds(matchPictures([image(10, 10)], rtf(picture(null, 10, 10, { format: 'png', tooLarge: true })))),
    ).toEqual(['tooLarge']);
  });
});

describe('cssPixels() and styleSize()', () => {
  it('read the lengths Word and LibreOffice write, in CSS pixels', () => {
    expect(
      ['605', '605px', ' 453.6pt ', '6.3in', '2.54cm', '25.4 mm', '.5in', '1pc'].map((value) =>
        rounded(cssPixels(value)),
      ),
    ).toEqual([605, 605, 604.8, 604.8, 96, 96, 48, 16]);
  });

  it('read nothing from other units, signs, zero or text', () => {
    expect(
      ['', null, undefined, 'auto', '50%', '2em', '-5px', '0', '1e3', '12px 3px', `${'9'.repeat(400)}px`].map(
        cssPixels,
      ),
    ).toEqual(Array.from({ length: 11 }, () => null));
  });

  it('find width and height in an inline style, not max-width or line-height', () => {
    const style =
      'max-width:10pt; line-height:3pt;width:453.6pt;HEIGHT: 255pt;visibility:visible;mso-wrap-style:square';
    expect([styleSize(style, 'width'), styleSize(style, 'height')].map(rounded)).toEqual([604.8, 340]);
    expect([styleSize('visibility:visible', 'width'), styleSize(null, 'height')]).toEqual([null, null]);
  });
});
