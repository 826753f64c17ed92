import type { ExportJob, ExportMode } from '@kapitel/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getExport, startExport } from '../api/exports-api';
import { isUnfinished } from '../utils/final-export';

/** How often a running export is asked for its progress. */
const POLL_MS = 1000;

export interface ExportJobState {
  /** The export started here, as last reported; null before one was started. */
  job: ExportJob | null;
  /** Starting failed (e.g. 409 NOT_ALL_APPROVED) or the progress could not be read. */
  error: unknown;
  starting: boolean;
  start: (mode: ExportMode) => Promise<void>;
}

/**
 * Starts an export and follows it until it is done or failed, asking every second.
 * `onFinished` runs once when it ends (the list of exports is loaded again then).
 */
export function useExportJob(projectId: string, onFinished: () => void): ExportJobState {
  const [job, setJob] = useState<ExportJob | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  // Bumped after a failed question, so that a network hiccup does not stop following the job.
  const [attempt, setAttempt] = useState(0);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  });

  const start = useCallback(
    async (mode: ExportMode): Promise<void> => {
      setError(null);
      setStarting(true);
      try {
        const created = await startExport(projectId, mode);
        setJob({
          id: created.id,
          mode,
          status: created.status,
          progress: 0,
          error: null,
          errorCode: null,
          createdBy: null,
          createdByName: null,
          createdAt: new Date().toISOString(),
          finishedAt: null,
          size: null,
          filename: null,
          standard: null,
          imagesWithoutAlt: null,
          missingReferences: null,
        });
      } catch (caught) {
        setError(caught);
      } finally {
        setStarting(false);
      }
    },
    [projectId],
  );

  const jobId = job?.id ?? null;
  const unfinished = job !== null && isUnfinished(job.status);
  useEffect(() => {
    if (jobId === null || !unfinished) {
      return undefined;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getExport(projectId, jobId, { signal: controller.signal }).then(
        (next) => {
          setError(null);
          setJob(next);
          if (!isUnfinished(next.status)) {
            finished.current();
          }
        },
        (caught: unknown) => {
          if (!controller.signal.aborted) {
            setError(caught);
            setAttempt((value) => value + 1);
          }
        },
      );
    }, POLL_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // `job` itself changes with every answer, which schedules the next question.
  }, [projectId, jobId, unfinished, job, attempt]);

  // Another project: forget this one's export.
  useEffect(() => {
    setJob(null);
    setError(null);
  }, [projectId]);

  return { job, error, starting, start };
}
