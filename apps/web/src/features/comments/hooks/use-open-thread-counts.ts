import { useEffect, useMemo, useRef } from 'react';
import { useResource } from '../../../lib/use-resource';
import { listCommentCounts } from '../api/comments-api';

/**
 * Asks for the counts again: `version` goes up on every `comments` change of the project.
 * `sectionId` names the section that changed (null after missed events); the counts of the
 * whole project come in one request either way, so the hook does not need it.
 */
export interface CommentCountSignal {
  version: number;
  sectionId: string | null;
}

/**
 * The number of open threads per section, for the outline: one request for the whole
 * project (`GET .../comment-counts`), made again on each `signal`. The answer lists every
 * live section, so a section of `sectionIds` it does not know (added, or restored from the
 * trash with its threads, which announces an outline change but no comments change) is asked
 * about once more. A failed request keeps the last counts; the next change or resync asks again.
 */
export function useOpenThreadCounts(
  projectId: string,
  sectionIds: readonly string[],
  signal: CommentCountSignal | undefined,
): ReadonlyMap<string, number> {
  const { resource, reload } = useResource(
    async (abort) => ({ projectId, counts: await listCommentCounts(projectId, { signal: abort }) }),
    [projectId],
  );
  // Right after a switch of project the previous project's answer is still there for a render.
  const answer = resource.data?.projectId === projectId ? resource.data.counts : undefined;
  const counts = useMemo(() => new Map((answer ?? []).map((row) => [row.sectionId, row.open])), [answer]);

  const seen = useRef(signal?.version);
  useEffect(() => {
    if (signal === undefined || seen.current === signal.version) {
      return;
    }
    seen.current = signal.version;
    reload();
  }, [signal, reload]);

  // Sections asked about once more, each only once: one deleted meanwhile stays unknown, and
  // asking again for it would never end.
  const askedAgain = useRef({ projectId, ids: new Set<string>() });
  const key = sectionIds.join(' ');
  const settled = resource.status !== 'loading';
  useEffect(() => {
    if (askedAgain.current.projectId !== projectId) {
      askedAgain.current = { projectId, ids: new Set() };
    }
    // While a request runs, its answer may well know the new sections already.
    if (answer === undefined || !settled) {
      return;
    }
    const unknown = sectionIds.filter((id) => !counts.has(id) && !askedAgain.current.ids.has(id));
    if (unknown.length > 0) {
      unknown.forEach((id) => askedAgain.current.ids.add(id));
      reload();
    }
    // `key` stands for the ids, `answer` for the counts made from it.
  }, [key, answer, settled, projectId, reload]);

  return counts;
}
