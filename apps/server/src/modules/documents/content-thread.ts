import { storedContentOfState } from '@kapitel/editor';
import { isMainThread, parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import type { ContentReply, ContentRequest } from './content-renderer.js';

/**
 * The thread ContentRenderer starts: merges a section's stored snapshot with a newer state
 * and renders the result as JSON and text, off the server's event loop. A large section
 * takes long enough to stall every live room of the process; here it only takes a core.
 */
if (isMainThread || !parentPort) {
  throw new Error('content-thread.js runs as a worker thread of ContentRenderer, not on its own');
}
const port = parentPort;

port.on('message', (request: ContentRequest) => {
  const reply = answer(request);
  // The merged state is not needed here any more: its bytes move instead of being copied
  // (a buffer of its own, never shared memory: made by the merge or received moved).
  port.postMessage(reply, 'merged' in reply ? [reply.merged.buffer as ArrayBuffer] : []);
});

function answer({ id, previous, state }: ContentRequest): ContentReply {
  let merged: Uint8Array;
  try {
    merged = previous ? Y.mergeUpdates([previous, state]) : state;
  } catch (error) {
    return { id, error: messageOf(error) };
  }
  try {
    const { json, text } = storedContentOfState(merged);
    return { id, merged, json, text };
  } catch (error) {
    // The state is still stored (with empty content), so the merge result goes back too.
    return { id, merged, renderError: messageOf(error) };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
