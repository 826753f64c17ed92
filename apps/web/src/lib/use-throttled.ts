import { useEffect, useRef } from 'react';

/**
 * Calls `run` after `count` went up: at once when the last call is `minMs` ago, else when it
 * will be (one call for all the changes meanwhile).
 */
export function useThrottled(count: number, run: () => void, minMs: number): void {
  const latestRun = useRef(run);
  useEffect(() => {
    latestRun.current = run;
  });
  const seen = useRef(count);
  const lastRun = useRef(0);
  useEffect(() => {
    if (count === seen.current) {
      return undefined;
    }
    seen.current = count;
    const wait = Math.max(0, lastRun.current + minMs - Date.now());
    const timer = setTimeout(() => {
      lastRun.current = Date.now();
      latestRun.current();
    }, wait);
    // A newer change replaces this one's timer: it runs no later, and covers this one too.
    return () => {
      clearTimeout(timer);
    };
  }, [count, minMs]);
}
