import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { Resource } from './use-resource';

export interface FocusAfterReload {
  /**
   * Once the resource has loaded data newer than now, focus the first element inside the
   * container whose `data-focus` is one of `targets` and that is enabled, or else the
   * container itself.
   */
  request: (targets: readonly string[]) => void;
  /** A request waits for its reload; changes based on the old data should wait too. */
  pending: boolean;
}

/**
 * Keeps keyboard users where they were when a change redraws a list: a moved section may
 * be unmounted and mounted elsewhere, a deleted one disappears with the focused button.
 */
export function useFocusAfterReload<T>(
  resource: Resource<T>,
  container: RefObject<HTMLElement | null>,
): FocusAfterReload {
  const [pending, setPending] = useState<{ stale: T | undefined; targets: readonly string[] } | null>(null);
  const { status, data } = resource;

  useEffect(() => {
    if (pending === null) {
      return;
    }
    if (status === 'error') {
      setPending(null);
      return;
    }
    if (status !== 'ready' || data === pending.stale) {
      return;
    }
    setPending(null);
    const root = container.current;
    for (const target of pending.targets) {
      const element = root?.querySelector<HTMLElement>(`[data-focus="${CSS.escape(target)}"]`);
      if (element && !(element instanceof HTMLButtonElement && element.disabled)) {
        element.focus();
        return;
      }
    }
    root?.focus();
  }, [pending, status, data, container]);

  const request = useCallback(
    (targets: readonly string[]) => {
      setPending({ stale: data, targets });
    },
    [data],
  );
  return { request, pending: pending !== null };
}
