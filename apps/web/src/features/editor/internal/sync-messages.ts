/**
 * The two y-protocols sync messages the save tracker needs, written and read by hand: the
 * format is a handful of variable-length integers (lib0's VarUint, 7 bits per byte, low
 * bits first), and lib0 is not a dependency of the web app.
 */

/** y-websocket's outer message type for sync messages (API.md: y-websocket v1). */
export const MESSAGE_SYNC = 0;
/** Inner sync message types of y-protocols/sync. */
export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;

function writeVarUint(out: number[], value: number): void {
  let rest = value;
  while (rest > 0x7f) {
    out.push(0x80 | (rest & 0x7f));
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
}

/** Reads one VarUint at `pos`; null when the bytes end in the middle of it. */
function readVarUint(bytes: Uint8Array, pos: number): { value: number; next: number } | null {
  let value = 0;
  let factor = 1;
  for (let at = pos; at < bytes.length; at += 1) {
    const byte = bytes[at] ?? 0;
    value += (byte & 0x7f) * factor;
    if (byte < 0x80) {
      return { value, next: at + 1 };
    }
    factor *= 128;
  }
  return null;
}

/** A complete sync step 1 message (outer type included) carrying `stateVector`. */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array<ArrayBuffer> {
  const head: number[] = [];
  writeVarUint(head, MESSAGE_SYNC);
  writeVarUint(head, SYNC_STEP_1);
  writeVarUint(head, stateVector.length);
  const message = new Uint8Array(head.length + stateVector.length);
  message.set(head, 0);
  message.set(stateVector, head.length);
  return message;
}

/**
 * The update inside a sync message whose outer type has already been read (`pos` points at
 * the inner type), if it is a sync step 2; null for anything else.
 */
export function readSyncStep2(bytes: Uint8Array, pos: number): Uint8Array | null {
  const type = readVarUint(bytes, pos);
  if (type === null || type.value !== SYNC_STEP_2) {
    return null;
  }
  const length = readVarUint(bytes, type.next);
  if (length === null || length.next + length.value > bytes.length) {
    return null;
  }
  return bytes.subarray(length.next, length.next + length.value);
}
