import { inflateRawSync } from 'node:zlib';
import { buildRenderData } from '../render-data.js';
import type { ReportModel } from '../model.js';
import { renderOdt } from './odt.js';

/** One file of a ZIP archive as its central directory and local header describe it. */
export interface UnzippedEntry {
  path: string;
  method: number;
  /** The length of the local header's extra field (ODF wants none before `mimetype`'s data). */
  extra: number;
  data: Uint8Array;
}

/** Reads a ZIP archive through its central directory (no dependency; enough for our own files). */
export function unzip(bytes: Uint8Array): UnzippedEntry[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) {
    throw new Error('no end of central directory record');
  }
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  const entries: UnzippedEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    if (buffer.readUInt32LE(offset) !== 0x02014b50) {
      throw new Error(`bad central directory header at ${offset}`);
    }
    const method = buffer.readUInt16LE(offset + 10);
    const size = buffer.readUInt32LE(offset + 20);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const skip = nameLength + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
    const local = buffer.readUInt32LE(offset + 42);
    const path = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (buffer.readUInt32LE(local) !== 0x04034b50) {
      throw new Error(`bad local header of ${path}`);
    }
    const extra = buffer.readUInt16LE(local + 28);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + extra;
    const raw = buffer.subarray(start, start + size);
    entries.push({ path, method, extra, data: new Uint8Array(method === 8 ? inflateRawSync(raw) : raw) });
    offset += 46 + skip;
  }
  return entries;
}

const NAME = '[A-Za-z_][\\w.:-]*';
const TAG = new RegExp(`<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`, 'y');
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=`, 'g');
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether `xml` is well-formed as far as our files can go wrong: tags balanced with one root,
 * attributes quoted and not repeated, `&` only in entities, no `>` or `]]>` loose in text, no
 * character XML forbids. Returns the first problem, or null. (No DTDs, comments or CDATA:
 * the serializer writes none.)
 */
export function xmlProblem(xml: string): string | null {
  const forbidden = FORBIDDEN.exec(xml);
  if (forbidden) {
    return `forbidden character U+${forbidden[0].charCodeAt(0).toString(16)} at ${forbidden.index}`;
  }
  let position = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
  const open: string[] = [];
  let roots = 0;
  while (position < xml.length) {
    const char = xml[position];
    if (char === '<') {
      TAG.lastIndex = position;
      const tag = TAG.exec(xml);
      if (!tag) {
        return `malformed tag at ${position}: ${xml.slice(position, position + 40)}`;
      }
      const [whole, closing, name, attributes, selfClosing] = tag;
      const names = [...attributes.matchAll(ATTRIBUTE)].map((m) => m[1]);
      if (new Set(names).size !== names.length) {
        return `repeated attribute in <${name}>`;
      }
      if (closing) {
        if (open.pop() !== name || attributes.trim() || selfClosing) {
          return `unbalanced </${name}> at ${position}`;
        }
      } else {
        if (open.length === 0) {
          roots += 1;
        }
        if (!selfClosing) {
          open.push(name);
        }
      }
      position += whole.length;
    } else if (char === '&') {
      ENTITY.lastIndex = position;
      const entity = ENTITY.exec(xml);
      if (!entity) {
        return `bare & at ${position}`;
      }
      position += entity[0].length;
    } else if (char === '>') {
      return `loose > at ${position}`;
    } else {
      if (open.length === 0 && !/\s/.test(char)) {
        return `text outside the root at ${position}`;
      }
      position += 1;
    }
  }
  return open.length > 0 ? `unclosed <${open.join('><')}>` : roots !== 1 ? `${roots} root elements` : null;
}

/** A report model rendered as ODT and read back: its entries, and its XML parts as text. */
export function renderedOdt(model: ReportModel): {
  bytes: Uint8Array;
  entries: UnzippedEntry[];
  part: (path: string) => string;
} {
  const bytes = renderOdt(buildRenderData(model));
  const entries = unzip(bytes);
  const part = (path: string): string => {
    const entry = entries.find((e) => e.path === path);
    if (!entry) {
      throw new Error(`no ${path} in the package`);
    }
    return Buffer.from(entry.data).toString('utf8');
  };
  return { bytes, entries, part };
}
