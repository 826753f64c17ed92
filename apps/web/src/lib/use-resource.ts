import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { isAbortError, isApiError } from './api';

export type Resource<T> =
  | { status: 'loading'; data: T | undefined; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: T | undefined; error: unknown };

export interface ResourceHandle<T> {
  resource: Resource<T>;
  /** Loads again, keeping the current data visible meanwhile (no flash of a spinner). */
  reload: () => void;
}

/** Waits before loading again after no answer came (the network is gone): 3, 6, 12, 24, 30, 30 … s. */
const RETRY_MS = [3_000, 6_000, 12_000, 24_000, 30_000];

/**
 * Loads data for a component and aborts the request when the component goes away or
 * `deps` change, so that a late answer never overwrites a newer one.
 * A load that got no answer at all (NETWORK) is tried again by itself, after a pause and
 * as soon as the browser is back online: a reload after a live event must not stay lost,
 * or the page goes on showing what was true before (an editor still open for writing
 * after the author lost the section).
 * (A small stand-in for a query library while the app has only a few screens.)
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): ResourceHandle<T> {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading', data: undefined, error: null });
  const [generation, setGeneration] = useState(0);
  const loadedGeneration = useRef(generation);
  const failedInARow = useRef(0);

  useEffect(() => {
    const controller = new AbortController();
    // A reload keeps showing the old data; new deps (another project) must not show stale data.
    const isReload = loadedGeneration.current !== generation;
    loadedGeneration.current = generation;
    if (!isReload) {
      // Other data (new deps): earlier failures say nothing about how long to wait for it.
      failedInARow.current = 0;
    }
    setResource((previous) => ({
      status: 'loading',
      data: isReload ? previous.data : undefined,
      error: null,
    }));
    let retry: (() => void) | null = null;
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) {
          failedInARow.current = 0;
          setResource({ status: 'ready', data, error: null });
        }
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) {
          return;
        }
        setResource((previous) => ({ status: 'error', data: previous.data, error }));
        if (isApiError(error) && error.code === 'NETWORK') {
          const wait = RETRY_MS[Math.min(failedInARow.current, RETRY_MS.length - 1)] ?? 30_000;
          failedInARow.current += 1;
          retry = scheduleRetry(wait, () => {
            setGeneration((value) => value + 1);
          });
        }
      },
    );
    return () => {
      controller.abort();
      retry?.();
    };
    // `load` is a fresh closure on every render; `deps` names what it depends on.
  }, [...deps, generation]);

  const reload = useCallback(() => {
    setGeneration((value) => value + 1);
  }, []);
  return { resource, reload };
}

/** Calls `again` after `wait` ms or when the browser comes back online; returns the cancel. */
function scheduleRetry(wait: number, again: () => void): () => void {
  const cancel = (): void => {
    clearTimeout(timer);
    window.removeEventListener('online', fire);
  };
  const fire = (): void => {
    cancel();
    again();
  };
  const timer = setTimeout(fire, wait);
  window.addEventListener('online', fire);
  return cancel;
}
