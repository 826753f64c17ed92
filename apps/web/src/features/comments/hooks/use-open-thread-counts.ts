import { useEffect, useRef, useState } from 'react';
import { isAbortError } from '../../../lib/api';
import { listThreads } from '../api/comments-api';

/** Asks for the counts of these sections again: one section, or all (null) after missed events. */
export interface CommentCountSignal {
  version: number;
  sectionId: string | null;
}

/** How many count requests run at once: enough to be quick, few enough to leave room for the rest. */
const PARALLEL = 4;

/**
 * The number of open threads per section, for the outline. There is no count route yet, so
 * each section's open threads are listed (at most four requests at a time); a section is
 * asked again when its comments changed (`signal`), all of them after a resync. Sections
 * that cannot be read (deleted meanwhile) simply have no count.
 */
export function useOpenThreadCounts(
  projectId: string,
  sectionIds: readonly string[],
  signal: CommentCountSignal | undefined,
): ReadonlyMap<string, number> {
  const [counts, setCounts] = useState<ReadonlyMap<string, number>>(new Map());
  // Sections asked for (or being asked for) in this project, and the project they belong to.
  const asked = useRef<{ projectId: string; ids: Set<string> }>({ projectId, ids: new Set() });
  const controller = useRef<AbortController | null>(null);
  const key = sectionIds.join(' ');

  const load = useRef<(ids: readonly string[]) => void>(() => undefined);
  load.current = (ids) => {
    const abort = controller.current?.signal;
    const queue = [...ids];
    const worker = async (): Promise<void> => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const sectionId = id;
        try {
          const threads = await listThreads(projectId, sectionId, 'open', { signal: abort });
          if (abort?.aborted !== true) {
            setCounts((previous) => new Map(previous).set(sectionId, threads.length));
          }
        } catch (error) {
          if (isAbortError(error) || abort?.aborted === true) {
            return;
          }
          setCounts((previous) => {
            const next = new Map(previous);
            next.delete(sectionId);
            return next;
          });
        }
      }
    };
    for (let i = 0; i < Math.min(PARALLEL, queue.length); i += 1) {
      void worker();
    }
  };

  // A new project starts from nothing; the requests of the old one are dropped.
  useEffect(() => {
    controller.current = new AbortController();
    asked.current = { projectId, ids: new Set() };
    setCounts(new Map());
    return () => {
      controller.current?.abort();
    };
  }, [projectId]);

  // Sections not asked for yet (the first load, sections added since).
  useEffect(() => {
    const missing = sectionIds.filter((id) => !asked.current.ids.has(id));
    missing.forEach((id) => asked.current.ids.add(id));
    if (missing.length > 0) {
      load.current(missing);
    }
    // `key` stands for the ids.
  }, [key, projectId]);

  const seen = useRef(signal?.version);
  useEffect(() => {
    if (signal === undefined || seen.current === signal.version) {
      return;
    }
    seen.current = signal.version;
    const ids = signal.sectionId === null ? [...asked.current.ids] : [signal.sectionId];
    load.current(ids.filter((id) => asked.current.ids.has(id)));
  }, [signal]);

  return counts;
}
