import { crc32, deflateSync } from 'node:zlib';
import type { ErrorBody, UploadedImage } from '@kapitel/domain';
import type { Person } from './factories.js';

/** Image files made in code for the image tests, and uploads as the web app sends them. */

/** A real PNG of `width`×`height` pixels in one RGB colour (8 bit, no alpha). */
export function pngImage(width: number, height: number, rgb: [number, number, number] = [200, 30, 30]): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type 2 (RGB), deflate, no filter, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from(rgb))]); // filter byte 0, then pixels
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const segment = (marker: number, payload: number[]): number[] => [0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];

/**
 * The header segments of a baseline JPEG of `width`×`height`: JFIF APP0, a comment, a padded
 * (0xFF fill byte) SOF0 frame header, then the end. Enough for anything that reads headers;
 * it holds no scan, so it shows no picture.
 */
export function jpegHeaderImage(width: number, height: number): Buffer {
  const jfif = [...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const comment = [...Buffer.from('Kapitel test', 'latin1')];
  const frame = [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0];
  return Buffer.from([0xff, 0xd8, ...segment(0xe0, jfif), ...segment(0xfe, comment), 0xff, ...segment(0xc0, frame), 0xff, 0xd9]);
}

/** A GIF header (logical screen of `width`×`height`) and trailer. */
export function gifHeaderImage(width: number, height: number): Buffer {
  return Buffer.from([...Buffer.from('GIF89a', 'latin1'), width & 0xff, width >> 8, height & 0xff, height >> 8, 0, 0, 0, 0x3b]);
}

/** A real 1×1 lossless WebP (the one browsers' feature tests use). */
export const WEBP_1X1 = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');

/** What an upload answered. */
export interface UploadAnswer {
  status: number;
  body: UploadedImage & ErrorBody;
  headers: Headers;
}

/**
 * POSTs `bytes` as an image of the project, with the person's cookie and (unless told
 * otherwise) the server's own Origin, as the web app does. `contentType: null` sends none.
 */
export async function uploadImage(
  person: Pick<Person, 'client'>,
  projectId: string,
  bytes: Uint8Array,
  contentType: string | null,
  options: { origin?: string } = {},
): Promise<UploadAnswer> {
  const headers: Record<string, string> = { origin: options.origin ?? person.client.origin };
  if (contentType !== null) {
    headers['content-type'] = contentType;
  }
  if (person.client.cookie) {
    headers.cookie = person.client.cookie;
  }
  const response = await fetch(`${person.client.origin}/api/projects/${projectId}/images`, { method: 'POST', headers, body: bytes });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as UploadAnswer['body'], headers: response.headers };
}

/** Uploads and insists on success; the stored image. */
export async function mustUpload(person: Pick<Person, 'client'>, projectId: string, bytes: Uint8Array, contentType = 'image/png'): Promise<UploadedImage> {
  const answer = await uploadImage(person, projectId, bytes, contentType);
  if (answer.status !== 201) {
    throw new Error(`upload failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

/** GETs an image (its src) as the person, with the raw bytes. */
export async function readImage(
  person: Pick<Person, 'client'>,
  src: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; bytes: Buffer; headers: Headers; body: ErrorBody | null }> {
  const response = await fetch(person.client.origin + src, {
    headers: { ...headers, ...(person.client.cookie ? { cookie: person.client.cookie } : {}) },
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const isJson = response.headers.get('content-type')?.includes('application/json') ?? false;
  return { status: response.status, bytes, headers: response.headers, body: isJson ? (JSON.parse(bytes.toString('utf8')) as ErrorBody) : null };
}
