import { crc32, deflateRawSync } from 'node:zlib';

/** One file of a ZIP archive; `compress` false stores it as it is (method 0). */
export interface ZipEntry {
  path: string;
  data: Uint8Array;
  compress: boolean;
}

// 1980-01-01 00:00:00, the earliest DOS date: a fixed time makes the same report give the
// same bytes (tests compare, caches dedupe). Time 0, date (0 << 9) | (1 << 5) | 1.
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1;
// Bit 11: names are UTF-8 (a picture's name could in principle hold any character).
const UTF8_NAMES = 1 << 11;
const VERSION = 20; // 2.0: deflate, no ZIP64 (a report is far below 4 GiB)

/**
 * A minimal ZIP writer, enough for an OpenDocument package (ODF 1.3 part 2, section 3): local
 * headers without an extra field (the `mimetype` entry must be readable at a fixed offset,
 * which is how tools sniff the type), a central directory and its end record. Store or deflate.
 */
export function zip(entries: readonly ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.path, 'utf8');
    const body = entry.compress ? deflateRawSync(entry.data) : Buffer.from(entry.data);
    const crc = crc32(entry.data);
    const method = entry.compress ? 8 : 0;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // no extra field
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(VERSION, 4); // made by (MS-DOS attributes)
    central.writeUInt16LE(VERSION, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    // extra, comment, disk, internal and external attributes: all 0
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
