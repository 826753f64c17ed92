import type { OutlineNode, ReportFigure } from '@kapitel/domain';
import { useEffect, useRef } from 'react';
import { useResource } from '../../../lib/use-resource';
import { getReportFigures } from '../api/figures-api';

/**
 * The report's numbered figures and tables (the server's list), loaded when the editor opens
 * and again whenever the live outline arrives anew (the page reloads it on every change of
 * the outline) or `reload` is called (the dialog opens). The old list stays while a new one
 * loads; null only before the first one is there.
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
  return { figures: resource.data ?? null, reload };
}
