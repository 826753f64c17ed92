import { ImportError } from './model';

/**
 * Reads the parts of a ZIP archive (an office document is one) in the browser: the central
 * directory, then one part at a time through DecompressionStream('deflate-raw'). Written for
 * documents a user picks: each part is inflated only as far as a limit, so that a small file
 * that unpacks to gigabytes (a "zip bomb") stops at the limit instead of filling the memory.
 */
export interface ZipArchive {
  has(name: string): boolean;
  /** The part's bytes; ImportError 'tooLarge' past `limit`, 'damaged' when it cannot be read. */
  read(name: string, limit: number): Promise<Uint8Array>;
  /** The part as UTF-8 text. */
  text(name: string, limit: number): Promise<string>;
}

interface Entry {
  method: number;
  compressedSize: number;
  size: number;
  headerOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** Old Word (.doc) files and encrypted office files are OLE compound files. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

export function openZip(bytes: Uint8Array): ZipArchive {
  if (OLE_SIGNATURE.every((byte, i) => bytes[i] === byte)) {
    throw new ImportError('oldFormat', 'an OLE compound file (.doc, or an encrypted document)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readDirectory(view);
  const read = async (name: string, limit: number): Promise<Uint8Array> => {
    const entry = entries.get(name);
    if (entry === undefined) {
      throw new ImportError('damaged', `the part ${name} is missing`);
    }
    if (entry.size > limit) {
      throw new ImportError('tooLarge', `the part ${name} unpacks to ${String(entry.size)} bytes`);
    }
    return inflate(view, entry, name, limit);
  };
  return {
    has: (name) => entries.has(name),
    read,
    text: async (name, limit) => new TextDecoder('utf-8').decode(await read(name, limit)),
  };
}

/** A part's bytes, or null when it unpacks beyond `limit` (a picture too large is left out, not the document). */
export async function readUnlessTooLarge(
  zip: ZipArchive,
  name: string,
  limit: number,
): Promise<Uint8Array | null> {
  try {
    return await zip.read(name, limit);
  } catch (error) {
    if (error instanceof ImportError && error.failure === 'tooLarge') {
      return null;
    }
    throw error;
  }
}

function readDirectory(view: DataView): Map<string, Entry> {
  // The end record is 22 bytes plus a comment of up to 65,535: searched for from the end.
  let end = -1;
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at -= 1) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) {
    // An archive's start without its end: cut off (an interrupted download), not another kind of file.
    const started = view.byteLength >= 4 && view.getUint32(0, true) === LOCAL_HEADER;
    throw started
      ? new ImportError('damaged', 'the archive is cut off: its directory is missing')
      : new ImportError('notDocument', 'not a ZIP archive');
  }
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = new Map<string, Entry>();
  const names = new TextDecoder('utf-8');
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== DIRECTORY_ENTRY) {
      throw new ImportError('damaged', 'the archive directory is broken');
    }
    const nameLength = view.getUint16(at + 28, true);
    const name = names.decode(new Uint8Array(view.buffer, view.byteOffset + at + 46, nameLength));
    entries.set(name, {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      headerOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

async function inflate(view: DataView, entry: Entry, name: string, limit: number): Promise<Uint8Array> {
  const header = entry.headerOffset;
  if (header + 30 > view.byteLength || view.getUint32(header, true) !== LOCAL_HEADER) {
    throw new ImportError('damaged', `the part ${name} is broken`);
  }
  const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  if (start + entry.compressedSize > view.byteLength) {
    throw new ImportError('damaged', `the part ${name} is cut off`);
  }
  const stored = new Uint8Array(view.buffer, view.byteOffset + start, entry.compressedSize);
  if (entry.method === 0) {
    return stored.slice();
  }
  if (entry.method !== 8) {
    throw new ImportError('damaged', `the part ${name} is packed with method ${String(entry.method)}`);
  }
  const reader = new Blob([stored.slice()])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        break;
      }
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel();
        throw new ImportError('tooLarge', `the part ${name} unpacks to more than ${String(limit)} bytes`);
      }
      chunks.push(value);
    }
  } catch (error) {
    throw error instanceof ImportError
      ? error
      : new ImportError('damaged', `the part ${name} cannot be unpacked`);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
