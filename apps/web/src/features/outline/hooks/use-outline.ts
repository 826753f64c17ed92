import type { Dashboard, OutlineNode } from '@kapitel/domain';
import { useCallback } from 'react';
import { useResource, type Resource } from '../../../lib/use-resource';
import { getDashboard, getOutline } from '../api/outline-api';

export interface OutlineData {
  outline: Resource<OutlineNode[]>;
  dashboard: Resource<Dashboard>;
  /** Loads outline and dashboard again after a change (keeping the old ones on screen meanwhile). */
  reload: () => void;
}

/** The outline tree of a project together with its progress figures. */
export function useOutline(projectId: string): OutlineData {
  const outline = useResource((signal) => getOutline(projectId, { signal }), [projectId]);
  const dashboard = useResource((signal) => getDashboard(projectId, { signal }), [projectId]);
  const reloadOutline = outline.reload;
  const reloadDashboard = dashboard.reload;
  const reload = useCallback(() => {
    reloadOutline();
    reloadDashboard();
  }, [reloadOutline, reloadDashboard]);
  return { outline: outline.resource, dashboard: dashboard.resource, reload };
}
