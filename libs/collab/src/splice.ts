import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * A Yjs V1 update cut into its two sections, so that updates of different senders can be
 * joined by copying bytes instead of by `Y.mergeUpdates`.
 *
 * V1 layout: `count, count × (numStructs, client, clock, structs…)` for the structs, then
 * `count, count × (client, numRanges, numRanges × (clock, length))` for the delete set.
 * Struct blocks of distinct clients may simply be concatenated (Yjs reads them into a map by
 * client); delete-set entries may be concatenated even when clients repeat (Yjs applies each
 * entry on its own). Two blocks of the same client may not: Yjs would keep only the last.
 */
export interface UpdateSections {
  /** Clients that have a struct block. */
  readonly clients: ReadonlySet<number>;
  readonly blockCount: number;
  /** The struct blocks, without their count. */
  readonly structs: Uint8Array;
  readonly deleteCount: number;
  /** The delete-set entries, without their count. */
  readonly deletes: Uint8Array;
}

const SKIP = 10;
const CONTENT_REF = 0b11111;
const HAS_ORIGIN = 0b1000_0000;
const HAS_RIGHT_ORIGIN = 0b0100_0000;
const HAS_PARENT_SUB = 0b0010_0000;
const XML_ELEMENT = 3;
const XML_HOOK = 5;
const LAST_TYPE_REF = 6;

/**
 * Cuts an update that Yjs has already accepted (see `inspectUpdate`) into its sections; null
 * when it cannot be cut safely (a client with two blocks, or bytes this reader does not
 * follow exactly as Yjs does), in which case the caller merges instead.
 */
export function splitUpdate(update: Uint8Array): UpdateSections | null {
  try {
    const decoder = decoding.createDecoder(update);
    const blockCount = decoding.readVarUint(decoder);
    const structsStart = decoder.pos;
    const clients = new Set<number>();
    for (let block = 0; block < blockCount; block += 1) {
      const structCount = decoding.readVarUint(decoder);
      const client = decoding.readVarUint(decoder);
      decoding.readVarUint(decoder); // first clock
      if (clients.has(client)) {
        return null;
      }
      clients.add(client);
      for (let struct = 0; struct < structCount; struct += 1) {
        skipStruct(decoder);
      }
    }
    const structsEnd = decoder.pos;
    const deleteCount = decoding.readVarUint(decoder);
    const deletesStart = decoder.pos;
    for (let entry = 0; entry < deleteCount; entry += 1) {
      decoding.readVarUint(decoder); // client
      const ranges = decoding.readVarUint(decoder);
      for (let range = 0; range < ranges; range += 1) {
        decoding.readVarUint(decoder); // clock
        decoding.readVarUint(decoder); // length
      }
    }
    if (decoder.pos !== update.length) {
      return null;
    }
    return {
      clients,
      blockCount,
      structs: update.subarray(structsStart, structsEnd),
      deleteCount,
      deletes: update.subarray(deletesStart),
    };
  } catch {
    return null;
  }
}

/** True when no client has struct blocks in two of the sections, so they may be joined. */
export function disjointClients(sections: readonly UpdateSections[]): boolean {
  const seen = new Set<number>();
  for (const { clients } of sections) {
    for (const client of clients) {
      if (seen.has(client)) {
        return false;
      }
      seen.add(client);
    }
  }
  return true;
}

/**
 * For each of `sections` (with disjoint clients), one update holding all the others: what
 * each sender of a tick lacks. Every result costs a few byte copies of the whole tick, so a
 * tick with k senders costs O(k × tick bytes) in memcpy, not k merges.
 */
export function joinAllButEach(sections: readonly UpdateSections[]): Uint8Array[] {
  const structs = concat(sections.map((part) => part.structs));
  const deletes = concat(sections.map((part) => part.deletes));
  const blockTotal = sections.reduce((sum, part) => sum + part.blockCount, 0);
  const deleteTotal = sections.reduce((sum, part) => sum + part.deleteCount, 0);
  const results: Uint8Array[] = [];
  let structsAt = 0;
  let deletesAt = 0;
  for (const part of sections) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, blockTotal - part.blockCount);
    encoding.writeUint8Array(encoder, structs.subarray(0, structsAt));
    encoding.writeUint8Array(encoder, structs.subarray(structsAt + part.structs.length));
    encoding.writeVarUint(encoder, deleteTotal - part.deleteCount);
    encoding.writeUint8Array(encoder, deletes.subarray(0, deletesAt));
    encoding.writeUint8Array(encoder, deletes.subarray(deletesAt + part.deletes.length));
    results.push(encoding.toUint8Array(encoder));
    structsAt += part.structs.length;
    deletesAt += part.deletes.length;
  }
  return results;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Reads past one struct exactly as Yjs's V1 decoder reads it (GC, Skip or Item). */
function skipStruct(decoder: decoding.Decoder): void {
  const info = decoding.readUint8(decoder);
  const ref = info & CONTENT_REF;
  if (info === SKIP || ref === 0) {
    decoding.readVarUint(decoder); // length
    return;
  }
  if ((info & HAS_ORIGIN) !== 0) {
    skipId(decoder);
  }
  if ((info & HAS_RIGHT_ORIGIN) !== 0) {
    skipId(decoder);
  }
  if ((info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0) {
    // Without origins the parent follows: a root type's name or the parent item's id.
    if (decoding.readVarUint(decoder) === 1) {
      skipBytes(decoder);
    } else {
      skipId(decoder);
    }
    if ((info & HAS_PARENT_SUB) !== 0) {
      skipBytes(decoder);
    }
  }
  skipContent(decoder, ref);
}

function skipContent(decoder: decoding.Decoder, ref: number): void {
  switch (ref) {
    case 1: // deleted: length
      decoding.readVarUint(decoder);
      return;
    case 2: // JSON: strings
      repeat(decoding.readVarUint(decoder), () => skipBytes(decoder));
      return;
    case 3: // binary
    case 4: // string
    case 5: // embed (JSON string)
      skipBytes(decoder);
      return;
    case 6: // format: key and JSON value
      skipBytes(decoder);
      skipBytes(decoder);
      return;
    case 7: {
      // type: its reference, and a name for XML elements and hooks
      const typeRef = decoding.readVarUint(decoder);
      if (typeRef === XML_ELEMENT || typeRef === XML_HOOK) {
        skipBytes(decoder);
      } else if (typeRef > LAST_TYPE_REF) {
        throw new Error(`unknown type reference ${typeRef}`);
      }
      return;
    }
    case 8: // any: values in lib0's encoding
      repeat(decoding.readVarUint(decoder), () => {
        decoding.readAny(decoder);
      });
      return;
    case 9: // sub-document: guid and options
      skipBytes(decoder);
      decoding.readAny(decoder);
      return;
    default:
      throw new Error(`unknown content reference ${ref}`);
  }
}

function skipId(decoder: decoding.Decoder): void {
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
}

/** A length-prefixed string or byte array. */
function skipBytes(decoder: decoding.Decoder): void {
  const length = decoding.readVarUint(decoder);
  if (decoder.pos + length > decoder.arr.length) {
    throw new Error('length beyond the end of the update');
  }
  decoder.pos += length;
}

function repeat(times: number, read: () => void): void {
  for (let i = 0; i < times; i += 1) {
    read();
  }
}
