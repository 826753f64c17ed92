/**
 * `run`, once, after the current dispatch, however often it is asked for meanwhile. The
 * editor's marks read the document after a transaction, never inside it: for one's own
 * typing ProseMirror changes first and the Yjs document follows in the same dispatch.
 */
export function afterDispatch(run: () => void): () => void {
  let queued = false;
  return () => {
    if (queued) {
      return;
    }
    queued = true;
    queueMicrotask(() => {
      queued = false;
      run();
    });
  };
}
