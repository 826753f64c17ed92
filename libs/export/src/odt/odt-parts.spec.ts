import { pixelSizeOfBytes as pixelSize } from '@kapitel/domain';
import { frameSize } from './image-size.js';
import { unzip, xmlProblem } from './odt.test-support.js';
import { Quoter } from '../quotes.js';
import { attr, text } from './xml.js';
import { zip } from './zip.js';

describe('XML text', () => {
  it('escapes markup characters, so that user text never becomes markup', () => {
    expect(text('<img onerror="x"> & \'a\' ]]>')).toBe(
      '&lt;img onerror=&quot;x&quot;&gt; &amp; &apos;a&apos; ]]&gt;',
    );
    expect(xmlProblem(`<a b="${attr('"><x y="')}">${text('</a><a>')}</a>`)).toBeNull();
  });

  it('drops what XML 1.0 forbids, and keeps tabs and line breaks of attributes as references', () => {
    expect(text('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFFg\tok\n')).toBe('abcdefg\tok\n');
    expect(text('lone \uD800 and \uDC00, pair \uD83D\uDE00')).toBe('lone  and , pair \uD83D\uDE00');
    expect(attr('a\tb\nc')).toBe('a&#9;b&#10;c');
  });
});

describe('smart quotes', () => {
  const quoted = (lang: string, ...pieces: Array<string | boolean>): string =>
    new Quoter(lang).pieces(pieces);

  it('open and close per language, single ones inside double ones', () => {
    expect(quoted('de', true, 'so ', false, 'ja', false, true, '.')).toBe('„so ‚ja‘“.');
    expect(quoted('en', true, 'so ', false, 'ja', false, true, '.')).toBe('“so ‘ja’”.');
    expect(quoted('de', 'er sagte (', true, 'nein', true, ')')).toBe('er sagte („nein“)');
  });

  it('make an apostrophe after a letter and a prime after a digit, as Typst does', () => {
    expect(quoted('de', 'und', false, 's')).toBe('und’s');
    expect(quoted('de', '5', true, ' Zoll')).toBe('5″ Zoll');
  });

  it('carry on through the pieces of one paragraph', () => {
    const quoter = new Quoter('de');
    expect(quoter.pieces([true, 'fett'])).toBe('„fett');
    expect(quoter.pieces([true])).toBe('“');
  });
});

function bytes(...parts: Array<number[] | string>): Uint8Array {
  return new Uint8Array(
    parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)),
  );
}
const le16 = (n: number): number[] => [n & 0xff, n >> 8];
const be16 = (n: number): number[] => [n >> 8, n & 0xff];

describe('image sizes', () => {
  it('are read from PNG, GIF, JPEG and WebP headers', () => {
    const png = bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13], 'IHDR', [0, 0, 3, 32, 0, 0, 2, 88]);
    expect(pixelSize(png)).toEqual({ width: 800, height: 600 });
    expect(pixelSize(bytes('GIF89a', le16(120), le16(80)))).toEqual({ width: 120, height: 80 });
    // A JPEG with an APP0 segment before its frame header.
    const jpeg = bytes(
      [0xff, 0xd8, 0xff, 0xe0],
      be16(4),
      [0, 0],
      [0xff, 0xc0],
      be16(17),
      [8],
      be16(300),
      be16(640),
      [3],
    );
    expect(pixelSize(jpeg)).toEqual({ width: 640, height: 300 });
    const riff = (chunk: string, body: number[]): Uint8Array =>
      bytes('RIFF', [0, 0, 0, 0], 'WEBP', chunk, [0, 0, 0, 0], body);
    expect(pixelSize(riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, ...le16(50), ...le16(40)]))).toEqual({
      width: 50,
      height: 40,
    });
    expect(pixelSize(riff('VP8X', [0, 0, 0, 0, 99, 0, 0, 49, 0, 0]))).toEqual({ width: 100, height: 50 });
    const lossless = (49 | (39 << 14)) >>> 0;
    expect(
      pixelSize(
        riff('VP8L', [
          0x2f,
          lossless & 0xff,
          (lossless >> 8) & 0xff,
          (lossless >> 16) & 0xff,
          lossless >>> 24,
        ]),
      ),
    ).toEqual({
      width: 50,
      height: 40,
    });
  });

  it('place an image at 96 dpi within 16 × 20 cm, and at 12 × 9 cm when its size is unknown', () => {
    const gif = (w: number, h: number): Uint8Array => bytes('GIF89a', le16(w), le16(h));
    expect(frameSize(gif(96, 48))).toEqual({ width: '2.54cm', height: '1.27cm' });
    expect(frameSize(gif(1200, 600))).toEqual({ width: '16cm', height: '8cm' });
    expect(frameSize(gif(300, 3000))).toEqual({ width: '2cm', height: '20cm' });
    expect(frameSize(bytes('not an image'))).toEqual({ width: '12cm', height: '9cm' });
  });
});

describe('the ZIP writer', () => {
  it('writes entries that read back, stored or deflated, with UTF-8 names', () => {
    const data = new TextEncoder().encode('Größe '.repeat(100));
    const archive = zip([
      { path: 'a.txt', data, compress: false },
      { path: 'Bilder/größe.txt', data, compress: true },
    ]);
    const entries = unzip(archive);
    expect(entries.map((e) => [e.path, e.method])).toEqual([
      ['a.txt', 0],
      ['Bilder/größe.txt', 8],
    ]);
    expect(entries.every((e) => Buffer.from(e.data).equals(Buffer.from(data)))).toBe(true);
    expect(archive.length).toBeLessThan(2 * data.length);
  });
});
