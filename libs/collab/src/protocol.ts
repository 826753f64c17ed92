/**
 * The y-websocket wire format (y-protocols sync + awareness), decoded strictly: every frame
 * must be exactly one well-formed message, or it is refused as malformed.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

export type ClientMessage =
  | { kind: 'sync-step-1'; stateVector: Uint8Array }
  | { kind: 'sync-step-2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' };

/** A frame that is not one well-formed y-websocket message. */
export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolError';
  }
}

function readPayload(decoder: decoding.Decoder): Uint8Array {
  const length = decoding.readVarUint(decoder);
  if (length > decoder.arr.length - decoder.pos) {
    throw new ProtocolError(`length prefix ${length} exceeds the frame`);
  }
  return decoding.readUint8Array(decoder, length);
}

/** Decodes one frame from a client; throws ProtocolError for anything else. */
export function parseClientMessage(frame: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(frame);
  let message: ClientMessage;
  try {
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const syncType = decoding.readVarUint(decoder);
      const payload = readPayload(decoder);
      if (syncType === SYNC_STEP_1) {
        message = { kind: 'sync-step-1', stateVector: payload };
      } else if (syncType === SYNC_STEP_2) {
        message = { kind: 'sync-step-2', update: payload };
      } else if (syncType === SYNC_UPDATE) {
        message = { kind: 'update', update: payload };
      } else {
        throw new ProtocolError(`unknown sync message type ${syncType}`);
      }
    } else if (type === MESSAGE_AWARENESS) {
      message = { kind: 'awareness', update: readPayload(decoder) };
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      message = { kind: 'query-awareness' };
    } else {
      throw new ProtocolError(`unknown message type ${type}`);
    }
  } catch (error) {
    if (error instanceof ProtocolError) {
      throw error;
    }
    throw new ProtocolError(`truncated or malformed frame (${(error as Error).message})`);
  }
  if (decoding.hasContent(decoder)) {
    throw new ProtocolError('trailing bytes after the message');
  }
  return message;
}

function syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return syncMessage(SYNC_STEP_1, stateVector);
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return syncMessage(SYNC_STEP_2, update);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return syncMessage(SYNC_UPDATE, update);
}

export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
