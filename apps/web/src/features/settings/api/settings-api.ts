import type { Project, ProjectResponse, UpdateProjectRequest } from '@kapitel/domain';
import { api, apiPath } from '../../../lib/api';

/** Changes the report's title, subtitle, description or language (leads only). */
export async function updateProject(projectId: string, request: UpdateProjectRequest): Promise<Project> {
  return (await api.patch<ProjectResponse>(apiPath`/projects/${projectId}`, request)).project;
}
