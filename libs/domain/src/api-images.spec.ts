import { bytesAreOfType, imageTypeOfBytes } from './api-images.js';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
const bytes = (...parts: Array<number[] | string>): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)),
  );

describe('bytesAreOfType', () => {
  it.each([
    ['image/png', bytes(PNG)],
    ['image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0])],
    ['image/gif', bytes('GIF87a')],
    ['image/gif', bytes('GIF89a')],
    ['image/webp', bytes('RIFF', [0x1a, 0, 0, 0], 'WEBPVP8L')],
  ] as const)('accepts %s bytes that start with its magic number', (type, content) => {
    expect(bytesAreOfType(type, content)).toBe(true);
  });

  it.each([
    ['image/png', bytes([0xff, 0xd8, 0xff, 0xe0])],
    ['image/jpeg', bytes(PNG)],
    ['image/gif', bytes('GIF8')],
    ['image/webp', bytes('RIFF', [0x1a, 0, 0, 0], 'WAVEfmt ')],
    ['image/png', bytes([])],
  ] as const)('refuses %s bytes that are something else', (type, content) => {
    expect(bytesAreOfType(type, content)).toBe(false);
  });

  it('tells the type of bytes by their magic number, null for any other', () => {
    expect(imageTypeOfBytes(bytes('GIF89a'))).toBe('image/gif');
    expect(imageTypeOfBytes(bytes(PNG))).toBe('image/png');
    expect(imageTypeOfBytes(bytes([1, 0, 0, 0, 0x6c, 0, 0, 0, 0x20, 0x45, 0x4d, 0x46]))).toBeNull();
  });
});
