import { describe, expect, it } from '@jest/globals';
import { classifyImageSource, decodeBase64, sniffImageType, type ImagePlace } from './image-sources';

const PROJECT = '0b6c2f4e-8a51-4a8e-9d6f-3c1e2b7a9f10';
const OTHER = '7d1e4c2a-5b6f-4e8d-a9c3-2f1b0e7d6c54';
const IMAGE = 'c3a9e1f2-4b5d-4c6e-8f7a-9b0c1d2e3f40';
const place: ImagePlace = { origin: 'https://kapitel.kommune.de', projectId: PROJECT };

// The eight bytes every PNG starts with, then the start of its header chunk.
const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d];
const base64Of = (bytes: number[]): string => btoa(String.fromCharCode(...bytes));

describe('classifyImageSource()', () => {
  it('keeps an image of this project, under its path, written relative or absolute', () => {
    const path = `/api/projects/${PROJECT}/images/${IMAGE}`;
    expect(classifyImageSource(path, place)).toEqual({ kind: 'keep', src: path });
    expect(classifyImageSource(`${place.origin}${path}`, place)).toEqual({ kind: 'keep', src: path });
  });

  it('copies an image of another project on our own server into this one', () => {
    const path = `/api/projects/${OTHER}/images/${IMAGE}`;
    expect(classifyImageSource(`${place.origin}${path}`, place)).toEqual({ kind: 'copy', src: path });
  });

  it('uploads the bytes of a base64 data: URL of an accepted type, line breaks and all', () => {
    const base64 = base64Of(PNG_HEAD);
    const wrapped = `${base64.slice(0, 6)}\n${base64.slice(6)}`;
    const source = classifyImageSource(`data:image/png;base64,${wrapped}`, place);
    expect(source.kind).toBe('data');
    expect(source.kind === 'data' ? [source.contentType, [...source.bytes]] : null).toEqual(['image/png', PNG_HEAD]);
  });

  it.each([
    ['an image of another host', 'https://www.example.org/logo.png'],
    ['an image of another host over http', 'http://example.org/a.png'],
    ['a protocol-relative address of another host', '//cdn.example.org/a.png'],
    ['a file of the author’s computer (as Word pastes it)', 'file:///C:/Users/a/AppData/Local/Temp/msohtmlclip1/01/clip_image002.png'],
    ['an image of a mail (cid:)', 'cid:image001.png@01D9'],
    ['an SVG data: URL (a document that can carry scripts)', `data:image/svg+xml;base64,${btoa('<svg/>')}`],
    ['a data: URL that is not base64', 'data:image/png,%89PNG'],
    ['a data: URL with broken base64', 'data:image/png;base64,***'],
    ['an empty data: URL', 'data:image/png;base64,'],
    ['a path of our server that is no image', '/api/projects'],
    ['an image path of ours with a query', `/api/projects/${PROJECT}/images/${IMAGE}?v=2`],
    ['an image without a source', null],
    ['an empty source', ''],
  ])('leaves out %s', (_what, src) => {
    expect(classifyImageSource(src, place)).toEqual({ kind: 'leave' });
  });
});

describe('decodeBase64()', () => {
  it('gives the bytes, and null for text that is no base64', () => {
    expect([...(decodeBase64('AAEC/w==') ?? [])]).toEqual([0, 1, 2, 255]);
    expect(decodeBase64('a')).toBeNull();
  });
});

describe('sniffImageType()', () => {
  const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));
  it.each([
    ['image/png', PNG_HEAD],
    ['image/jpeg', [0xff, 0xd8, 0xff, 0xe0]],
    ['image/gif', ascii('GIF89a')],
    ['image/gif', ascii('GIF87a')],
    ['image/webp', [...ascii('RIFF'), 1, 2, 3, 4, ...ascii('WEBP')]],
  ])('recognises %s by its first bytes', (type, head) => {
    expect(sniffImageType(Uint8Array.from(head))).toBe(type);
  });

  it.each([
    ['a text file named .png', ascii('Kein Bild, nur Text')],
    ['a BMP', ascii('BM6\u0000\u0000\u0000')],
    ['an SVG', ascii('<svg xmlns="')],
    ['a RIFF that is no WebP (a WAV)', [...ascii('RIFF'), 1, 2, 3, 4, ...ascii('WAVE')]],
    ['nothing', []],
  ])('refuses %s', (_what, head) => {
    expect(sniffImageType(Uint8Array.from(head))).toBeNull();
  });
});
