import type { AuditKind, AuditLogPage } from '@kapitel/domain';
import { api, apiPath, type RequestOptions } from '../../../lib/api';

export interface AuditFilter {
  kind: AuditKind | null;
  actorId: string | null;
}

/** A page of the project's audit trail, newest first; `before` continues after the last one of a page (lead only). */
export function listAuditEvents(
  projectId: string,
  filter: AuditFilter,
  before: string | null,
  options: RequestOptions = {},
): Promise<AuditLogPage> {
  const params = new URLSearchParams();
  if (filter.kind !== null) {
    params.set('kind', filter.kind);
  }
  if (filter.actorId !== null) {
    params.set('actorId', filter.actorId);
  }
  if (before !== null) {
    params.set('before', before);
  }
  const search = params.toString();
  return api.get<AuditLogPage>(apiPath`/projects/${projectId}/audit` + (search === '' ? '' : `?${search}`), options);
}
