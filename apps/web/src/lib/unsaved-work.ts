/**
 * Which parts of this tab hold work the server has not stored (an editor's unsent edits),
 * for decisions far from them: a session that ends then is resumed in place instead of
 * replaced by the sign-in page, and signing out asks first.
 */
const holders = new Set<symbol>();
const listeners = new Set<() => void>();

function changed(): void {
  listeners.forEach((listener) => {
    listener();
  });
}

/** Marks work as unsaved until the returned function is called. */
export function holdUnsavedWork(): () => void {
  const holder = Symbol('unsaved work');
  holders.add(holder);
  changed();
  return () => {
    holders.delete(holder);
    changed();
  };
}

/** Calls `listener` whenever hasUnsavedWork() may have changed (for useSyncExternalStore). */
export function subscribeUnsavedWork(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Whether anything in this tab holds unsaved work now. */
export function hasUnsavedWork(): boolean {
  return holders.size > 0;
}
