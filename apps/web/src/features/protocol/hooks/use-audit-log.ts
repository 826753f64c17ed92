import type { AuditLogEvent } from '@kapitel/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbortError } from '../../../lib/api';
import { listAuditEvents, type AuditFilter } from '../api/audit-api';

export interface AuditLog {
  /** The events loaded so far, newest first. */
  events: AuditLogEvent[];
  /** First page not loaded yet (or again, after a filter change). */
  loading: boolean;
  /** An older page is being loaded. */
  loadingMore: boolean;
  /** Older events exist. */
  hasMore: boolean;
  /** The last load failed (its error), for ErrorAlert; null otherwise. */
  error: unknown;
  loadMore: () => void;
  /** Loads the first page again (after a failure). */
  retry: () => void;
}

/**
 * The project's audit trail for one filter, a page at a time: a new filter starts again
 * from the newest; "more" appends the next older page. A late answer for a filter no longer
 * chosen is dropped (its request is aborted).
 */
export function useAuditLog(projectId: string, filter: AuditFilter): AuditLog {
  const [events, setEvents] = useState<AuditLogEvent[]>([]);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const controller = useRef<AbortController | null>(null);
  const { kind, actorId } = filter;

  const load = useCallback(
    (before: string | null) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setError(null);
      if (before === null) {
        setLoading(true);
      } else {
        setLoadingMore(true);
      }
      listAuditEvents(projectId, { kind, actorId }, before, { signal: current.signal }).then(
        (page) => {
          if (current.signal.aborted) {
            return;
          }
          setEvents((previous) => (before === null ? page.events : [...previous, ...page.events]));
          setNextBefore(page.nextBefore);
          setLoading(false);
          setLoadingMore(false);
        },
        (failure: unknown) => {
          if (current.signal.aborted || isAbortError(failure)) {
            return;
          }
          setError(failure);
          setLoading(false);
          setLoadingMore(false);
        },
      );
    },
    [projectId, kind, actorId],
  );

  // Leaving the page (or another filter) drops the request in flight, whichever it is by then.
  const abortCurrent = useCallback(() => {
    controller.current?.abort();
  }, []);

  useEffect(() => {
    setEvents([]);
    setNextBefore(null);
    load(null);
    return abortCurrent;
  }, [load, generation, abortCurrent]);

  return {
    events,
    loading,
    loadingMore,
    hasMore: nextBefore !== null,
    error,
    loadMore: () => {
      if (nextBefore !== null) {
        load(nextBefore);
      }
    },
    retry: () => {
      setGeneration((value) => value + 1);
    },
  };
}
