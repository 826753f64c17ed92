import type { RenderInput } from '../render-data.js';
import { picturePath } from './odt-blocks.js';
import { contentXml } from './odt-content.js';
import { metaXml } from './odt-meta.js';
import { stylesXml } from './odt-styles.js';
import { attr, XML_HEAD } from './xml.js';
import { zip, type ZipEntry } from './zip.js';

export const ODT_MEDIA_TYPE = 'application/vnd.oasis.opendocument.text';

const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

const utf8 = (value: string): Uint8Array => new TextEncoder().encode(value);

function manifest(files: ReadonlyArray<{ path: string; type: string }>): string {
  const entries = files.map(
    ({ path, type }) =>
      `<manifest:file-entry manifest:full-path="${attr(path)}" manifest:media-type="${type}"/>`,
  );
  return (
    XML_HEAD +
    `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">` +
    `<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${ODT_MEDIA_TYPE}"/>` +
    entries.join('') +
    `</manifest:manifest>`
  );
}

/**
 * The report as an OpenDocument text (.odt, ODF 1.3), from the same render data as the PDF:
 * an editable file in the open standard for the teams who go on working on it in LibreOffice.
 * Pure: no file system, no network; the images are the ones of `input.files`.
 */
export function renderOdt(input: RenderInput): Uint8Array {
  const { data } = input;
  const pictures = [...input.files].map(([path, bytes]) => ({
    path: picturePath(path),
    type: IMAGE_TYPES[path.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream',
    bytes,
  }));
  const xml: Array<{ path: string; text: string }> = [
    { path: 'content.xml', text: contentXml(data, input.files) },
    {
      path: 'styles.xml',
      text: stylesXml({
        lang: data.lang,
        page: data.labels.page,
        of: data.labels.of,
        draftLabel: data.draft ? `${data.labels.draft} · ${data.cover.date}` : null,
      }),
    },
    { path: 'meta.xml', text: metaXml(data) },
  ];
  const listed = [...xml.map(({ path }) => ({ path, type: 'text/xml' })), ...pictures];
  const entries: ZipEntry[] = [
    // First, stored, no extra field: how a program recognises the package (ODF 1.3 part 2, 3.3).
    { path: 'mimetype', data: utf8(ODT_MEDIA_TYPE), compress: false },
    { path: 'META-INF/manifest.xml', data: utf8(manifest(listed)), compress: true },
    ...xml.map(({ path, text }) => ({ path, data: utf8(text), compress: true })),
    // Images are compressed already; deflating them again costs time and saves nothing.
    ...pictures.map(({ path, bytes }) => ({ path, data: bytes, compress: false })),
  ];
  return zip(entries);
}
