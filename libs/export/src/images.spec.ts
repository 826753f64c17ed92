import { extensionOf, imageOfSource, type EmbeddedImage } from './images.js';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
const bytes = (...parts: Array<number[] | string>): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)));
const dataUrl = (type: string, content: Uint8Array): string => `data:${type};base64,${Buffer.from(content).toString('base64')}`;

describe('image types', () => {
  it('names each type by the extension Typst knows it by', () => {
    expect(['image/png', 'image/jpeg', 'image/gif', 'image/webp'].map((type) => extensionOf(type as 'image/png'))).toEqual(['png', 'jpg', 'gif', 'webp']);
  });
});

describe('imageOfSource', () => {
  const held = new Map<string, EmbeddedImage>([
    ['/api/projects/p/images/a', { extension: 'png', bytes: bytes(PNG) }],
    ['/api/projects/p/images/b', { extension: 'png', bytes: bytes('GIF89a') }],
  ]);

  it('gives the bytes of an image the server holds for that src', () => {
    expect(imageOfSource('/api/projects/p/images/a', held)).toEqual({ extension: 'png', bytes: bytes(PNG) });
  });

  it('gives nothing for a held image whose bytes are not of its type', () => {
    expect(imageOfSource('/api/projects/p/images/b', held)).toBeNull();
  });

  it('never resolves a path or URL the server did not hand over', () => {
    expect(imageOfSource('/api/projects/q/images/a', held)).toBeNull();
    expect(imageOfSource('https://example.org/api/projects/p/images/a', held)).toBeNull();
    expect(imageOfSource('/api/projects/p/images/a')).toBeNull();
  });

  it('reads data: URLs of the embeddable types whose bytes match, WebP included', () => {
    expect(imageOfSource(dataUrl('image/webp', bytes('RIFF', [4, 0, 0, 0], 'WEBP')))).toMatchObject({ extension: 'webp' });
    expect(imageOfSource(dataUrl('image/svg+xml', bytes('<svg/>')))).toBeNull();
    expect(imageOfSource(dataUrl('image/jpeg', bytes(PNG)))).toBeNull();
  });
});
