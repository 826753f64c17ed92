import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** The address's parameter of the filter "Nur meine Abschnitte". */
export const MINE_ONLY_PARAM = 'meine';

/**
 * Whether the outline shows only the person's sections, kept in the address (`?meine=1`) so
 * that a reload and the way back from a section keep it. Switching replaces the history entry
 * instead of adding one: the back button leaves the page rather than flipping the filter.
 */
export function useMineOnly(): [boolean, (on: boolean) => void] {
  const [params, setParams] = useSearchParams();
  const on = params.get(MINE_ONLY_PARAM) === '1';
  const set = useCallback(
    (next: boolean) => {
      setParams(
        (previous) => {
          // Other parameters (the search's `q`) stay as they are.
          const changed = new URLSearchParams(previous);
          if (next) {
            changed.set(MINE_ONLY_PARAM, '1');
          } else {
            changed.delete(MINE_ONLY_PARAM);
          }
          return changed;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [on, set];
}
