/**
 * A small signal for "something in one of the user's projects just changed": pages that
 * follow a project's event stream raise it, and parts of the app outside any project (the
 * notification bell in the header) listen to refresh themselves without waiting for their
 * next poll.
 */
type Listener = () => void;

const listeners = new Set<Listener>();

/** Tells every listener that a project changed. */
export function announceActivity(): void {
  listeners.forEach((listener) => {
    listener();
  });
}

/** Calls `listener` after each announcement; returns the function that stops it. */
export function onActivity(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
