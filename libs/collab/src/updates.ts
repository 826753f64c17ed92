import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { ProtocolError } from './protocol.js';

/** Remembers the lib0 decoder Yjs reads from, to see whether it read the whole update. */
let lastDecoder: Y.UpdateDecoderV1 | undefined;
class ProbingDecoderV1 extends Y.UpdateDecoderV1 {
  constructor(decoder: decoding.Decoder) {
    super(decoder);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the point is to keep this instance
    lastDecoder = this;
  }
}

/**
 * Checks that `update` is exactly one complete Yjs V1 update and tells whether it changes
 * anything. Truncated, random and V2-encoded bytes (which V1 decoding reads only in part)
 * are refused before anything touches the room's document.
 */
export function inspectUpdate(update: Uint8Array): { hasContent: boolean } {
  let decoded: { structs: unknown[]; ds: { clients: Map<number, unknown[]> } };
  try {
    decoded = Y.decodeUpdateV2(update, ProbingDecoderV1);
  } catch (error) {
    throw new ProtocolError(`not a Yjs V1 update (${(error as Error).message})`);
  }
  if (!lastDecoder || decoding.hasContent(lastDecoder.restDecoder)) {
    throw new ProtocolError('not a Yjs V1 update (bytes left over after decoding)');
  }
  lastDecoder = undefined;
  const deletes = [...decoded.ds.clients.values()].some((ranges) => ranges.length > 0);
  return { hasContent: decoded.structs.length > 0 || deletes };
}
