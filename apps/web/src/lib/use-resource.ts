import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { isAbortError } from './api';

export type Resource<T> =
  | { status: 'loading'; data: T | undefined; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: T | undefined; error: unknown };

export interface ResourceHandle<T> {
  resource: Resource<T>;
  /** Loads again, keeping the current data visible meanwhile (no flash of a spinner). */
  reload: () => void;
}

/**
 * Loads data for a component and aborts the request when the component goes away or
 * `deps` change, so that a late answer never overwrites a newer one.
 * (A small stand-in for a query library while the app has only a few screens.)
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): ResourceHandle<T> {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading', data: undefined, error: null });
  const [generation, setGeneration] = useState(0);
  const loadedGeneration = useRef(generation);

  useEffect(() => {
    const controller = new AbortController();
    // A reload keeps showing the old data; new deps (another project) must not show stale data.
    const isReload = loadedGeneration.current !== generation;
    loadedGeneration.current = generation;
    setResource((previous) => ({
      status: 'loading',
      data: isReload ? previous.data : undefined,
      error: null,
    }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) {
          setResource({ status: 'ready', data, error: null });
        }
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbortError(error)) {
          setResource((previous) => ({ status: 'error', data: previous.data, error }));
        }
      },
    );
    return () => {
      controller.abort();
    };
    // `load` is a fresh closure on every render; `deps` names what it depends on.
  }, [...deps, generation]);

  const reload = useCallback(() => {
    setGeneration((value) => value + 1);
  }, []);
  return { resource, reload };
}
