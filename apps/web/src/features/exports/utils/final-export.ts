import type { Dashboard } from '@kapitel/domain';

/** Why a final export cannot be started now, or null when it can. */
export type FinalExportBlock = 'forbidden' | 'checking' | 'empty' | 'notApproved';

/**
 * A final export needs the `export.final` ability (the lead) and every section approved;
 * the dashboard's counts say the latter (the server checks again, and once more when the
 * job runs). While the counts are loading the answer is `checking`.
 */
export function finalExportBlock(
  canExportFinal: boolean,
  dashboard: Dashboard | undefined,
): FinalExportBlock | null {
  if (!canExportFinal) {
    return 'forbidden';
  }
  if (dashboard === undefined) {
    return 'checking';
  }
  if (dashboard.total === 0) {
    return 'empty';
  }
  return dashboard.approved < dashboard.total ? 'notApproved' : null;
}

/** The export is still being made (the page keeps asking for its progress). */
export function isUnfinished(status: string): boolean {
  return status === 'queued' || status === 'running';
}
