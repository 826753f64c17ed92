import type { OutlineNode, ReportFigure } from '@kapitel/domain';
import { useEffect, useRef } from 'react';
import { useReloadOnReturn } from '../../../lib/use-reload-on-return';
import { useResource } from '../../../lib/use-resource';
import { getReportFigures } from '../api/figures-api';

/**
 * How often an open editor asks for the list again while its tab is visible: a figure added or
 * deleted in another section's text comes with no event (texts change with every key), so the
 * numbers and references follow such a change within this time at the latest.
 */
const REFRESH_MS = 30_000;

/**
 * The report's numbered figures and tables (the server's list), loaded when the editor opens
 * and again whenever the live outline arrives anew (the page reloads it on every change of
 * the outline), `reload` is called (the dialog opens), the writer comes back to the tab, and
 * every REFRESH_MS while the tab is visible. The old list stays while a new one loads; null
 * only before the first one is there.
 */
export function useReportFigures(
  projectId: string,
  outline: readonly OutlineNode[] | null,
): { figures: readonly ReportFigure[] | null; reload: () => void } {
  const { resource, reload } = useResource((signal) => getReportFigures(projectId, { signal }), [projectId]);
  const seen = useRef(outline);
  useEffect(() => {
    // The first outline comes with the first load; each one after it is a change.
    if (seen.current !== outline && seen.current !== null) {
      reload();
    }
    seen.current = outline;
  }, [outline, reload]);
  useReloadOnReturn(reload);
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') {
        reload();
      }
    }, REFRESH_MS);
    return () => {
      clearInterval(timer);
    };
  }, [reload]);
  return { figures: resource.data ?? null, reload };
}
