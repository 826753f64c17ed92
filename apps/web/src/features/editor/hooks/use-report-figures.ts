import type { OutlineNode, ReportFigure } from '@kapitel/domain';
import { useEffect, useRef } from 'react';
import { useReloadOnReturn } from '../../../lib/use-reload-on-return';
import { useThrottled } from '../../../lib/use-throttled';
import { useResource } from '../../../lib/use-resource';
import { getReportFigures } from '../api/figures-api';

/**
 * Loads the list again at most this often after other sections' texts changed: the server
 * reads every text for it, and while several people type, the changes come every few seconds.
 */
const AT_MOST_EVERY_MS = 10_000;

/**
 * The report's numbered figures and tables (the server's list), loaded when the editor opens
 * and again whenever the live outline arrives anew (the page reloads it on every change of
 * the outline), another section's text changed (`otherTexts` counts the project stream's
 * `text` changes; at most every AT_MOST_EVERY_MS, the last change never left out), `reload`
 * is called (the dialog opens), and the writer comes back to the tab. The old list stays while
 * a new one loads; null only before the first one is there.
 */
export function useReportFigures(
  projectId: string,
  outline: readonly OutlineNode[] | null,
  otherTexts: number,
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
  useThrottled(otherTexts, reload, AT_MOST_EVERY_MS);
  return { figures: resource.data ?? null, reload };
}
