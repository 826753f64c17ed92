import { useEffect, useMemo, useRef } from 'react';
import { useResource } from '../../../lib/use-resource';
import { listWordCounts } from '../api/outline-api';

/** Texts change with every few keystrokes of anyone: the counts are asked for at most this often. */
const AT_MOST_EVERY_MS = 5_000;

/**
 * The words of every live section, for the outline (`GET .../word-counts`): asked for again
 * when the outline changed (a section added or restored) and, at most every few seconds, when
 * texts changed (`textChanges` grows with the project's `text` events). A failed request
 * keeps the last counts; the next change asks again.
 */
export function useWordCounts(
  projectId: string,
  outlineChanges: number,
  textChanges: number,
): ReadonlyMap<string, number> {
  const { resource, reload } = useResource(
    async (abort) => ({ projectId, counts: await listWordCounts(projectId, { signal: abort }) }),
    [projectId],
  );
  // Right after a switch of project the previous project's answer is still there for a render.
  const answer = resource.data?.projectId === projectId ? resource.data.counts : undefined;
  const counts = useMemo(() => new Map((answer ?? []).map((row) => [row.sectionId, row.words])), [answer]);

  const seenOutline = useRef(outlineChanges);
  useEffect(() => {
    if (seenOutline.current !== outlineChanges) {
      seenOutline.current = outlineChanges;
      reload();
    }
  }, [outlineChanges, reload]);

  const seenText = useRef(textChanges);
  const lastAsked = useRef(0);
  useEffect(() => {
    if (seenText.current === textChanges) {
      return;
    }
    seenText.current = textChanges;
    const wait = lastAsked.current + AT_MOST_EVERY_MS - Date.now();
    const ask = (): void => {
      lastAsked.current = Date.now();
      reload();
    };
    if (wait <= 0) {
      ask();
      return;
    }
    // A later change within the wait replaces this timer: one request for all of them.
    const timer = setTimeout(ask, wait);
    return () => {
      clearTimeout(timer);
    };
  }, [textChanges, reload]);

  return counts;
}
