import type { MyWorkResponse } from '@kapitel/domain';
import { api, type RequestOptions } from '../../../lib/api';

/** The caller's sections in all their projects and each project's progress (`GET /api/me/work`). */
export function getMyWork(options: RequestOptions = {}): Promise<MyWorkResponse> {
  return api.get<MyWorkResponse>('/me/work', options);
}
