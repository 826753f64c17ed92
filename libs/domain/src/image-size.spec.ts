import { pixelSizeOf } from './image-size.js';

const bytes = (...parts: Array<number[] | string>): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)));
const segment = (marker: number, payload: number[]): number[] => [0xff, marker, 0, payload.length + 2, ...payload];
const frame = (width: number, height: number): number[] => [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0];
const webp = (chunk: string, payload: number[]): Uint8Array =>
  bytes('RIFF', [0, 0, 0, 0], 'WEBP', chunk, [payload.length, 0, 0, 0], payload, new Array<number>(16).fill(0));

describe('pixelSizeOf', () => {
  it('reads a PNG\'s IHDR', () => {
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR', [0, 0, 0x0a, 0, 0, 0, 0, 0x33]);
    expect(pixelSizeOf('image/png', png)).toEqual({ width: 2560, height: 51 });
  });

  it('reads the first frame header of a JPEG past other segments, fill bytes and restart markers', () => {
    const jpeg = bytes([0xff, 0xd8], segment(0xe1, [1, 2, 3]), [0xff, 0xff], segment(0xc4, [0, 0]), [0xff, 0xd0], segment(0xc2, frame(4000, 3000)));
    expect(pixelSizeOf('image/jpeg', jpeg)).toEqual({ width: 4000, height: 3000 });
  });

  it.each([
    ['a height given only later (DNL)', bytes([0xff, 0xd8], segment(0xc0, frame(100, 0)))],
    ['no frame header before the scan', bytes([0xff, 0xd8], segment(0xda, [1, 2, 3]))],
    ['bytes that are no marker', bytes([0xff, 0xd8, 0x12, 0x34, 0x56])],
    ['a header cut off', bytes([0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, 1])],
  ])('gives null for a JPEG with %s', (_case, jpeg) => {
    expect(pixelSizeOf('image/jpeg', jpeg)).toBeNull();
  });

  it('reads a GIF\'s logical screen', () => {
    expect(pixelSizeOf('image/gif', bytes('GIF87a', [0x2c, 0x01, 0x10, 0x00]))).toEqual({ width: 300, height: 16 });
    expect(pixelSizeOf('image/gif', bytes('GIF87a', [0x2c]))).toBeNull();
  });

  it('reads each kind of WebP: extended, lossless and lossy', () => {
    expect(pixelSizeOf('image/webp', webp('VP8X', [0, 0, 0, 0, 0x7f, 0x07, 0, 0x37, 0x04, 0]))).toEqual({ width: 1920, height: 1080 });
    // 14 bits each of width - 1 and height - 1 after the signature 0x2f: 640 x 480.
    const bits = 639 | (479 << 14);
    expect(pixelSizeOf('image/webp', webp('VP8L', [0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, (bits >>> 24) & 0xff]))).toEqual({
      width: 640,
      height: 480,
    });
    expect(pixelSizeOf('image/webp', Buffer.from('UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA', 'base64'))).toEqual({ width: 1, height: 1 });
    expect(pixelSizeOf('image/webp', webp('ALPH', [0, 0, 0, 0]))).toBeNull();
  });
});
